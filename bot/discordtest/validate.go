package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// specURL names the OpenAPI file inside the schema compiler.
const specURL = "https://discord.test/openapi.json"

// Validator checks request bodies against Discord's OpenAPI schemas and
// against the limits the file misses or gets wrong.
type Validator struct {
	compiler *jsonschema.Compiler
	mu       sync.Mutex
	schemas  map[string]*jsonschema.Schema
}

var (
	loadOnce  sync.Once
	loaded    *Validator
	loadError error
)

// NewValidator loads the spec once per test binary. It skips the test when
// the spec is absent, which only happens outside the project's checkout.
func NewValidator(t testing.TB) *Validator {
	t.Helper()
	loadOnce.Do(func() { loaded, loadError = loadValidator() })
	if loadError != nil {
		t.Skipf("discordtest: Discord OpenAPI spec unavailable (%v); want ../%s beside the repository", loadError, specPath)
	}
	return loaded
}

func loadValidator() (*Validator, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	path, err := findSpec(wd)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(specURL, doc); err != nil {
		return nil, err
	}
	return &Validator{compiler: c, schemas: map[string]*jsonschema.Schema{}}, nil
}

// schema compiles components/schemas/name on first use.
func (v *Validator) schema(name string) (*jsonschema.Schema, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if s, ok := v.schemas[name]; ok {
		return s, nil
	}
	s, err := v.compiler.Compile(specURL + "#/components/schemas/" + name)
	if err != nil {
		return nil, err
	}
	v.schemas[name] = s
	return s, nil
}

// validate checks body against the named schema.
func (v *Validator) validate(name string, body []byte) error {
	s, err := v.schema(name)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("body is not JSON: %w", err)
	}
	if err := s.Validate(inst); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Check validates a request the bot sent to the fake, chosen by its route.
// Requests without a body (GET) pass.
func (v *Validator) Check(r Request) error {
	if len(r.Body) == 0 {
		return nil
	}
	var err error
	switch {
	case r.Method == "POST" && strings.HasSuffix(r.Path, "/callback"):
		err = v.CheckCallback(r.Body)
	case r.Method == "PATCH" && strings.Contains(r.Path, "/webhooks/"):
		err = v.message("IncomingWebhookUpdateRequestPartial", r.Body)
	case r.Method == "POST" && strings.Contains(r.Path, "/webhooks/"):
		err = v.message("IncomingWebhookRequestPartial", r.Body)
	case r.Method == "POST" && strings.HasSuffix(r.Path, "/messages"):
		err = v.message("MessageCreateRequest", r.Body)
	case r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands"):
		err = v.commands(r.Body)
	default:
		err = fmt.Errorf("no schema known for this route")
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", r.Method, r.Path, err)
	}
	return nil
}

// callbackSchemas maps an interaction callback type to its request schema.
var callbackSchemas = map[int]string{
	1: "PongInteractionCallbackRequest",
	4: "CreateMessageInteractionCallbackRequest",
	5: "CreateMessageInteractionCallbackRequest",
	6: "UpdateMessageInteractionCallbackRequest",
	7: "UpdateMessageInteractionCallbackRequest",
	8: "ApplicationCommandAutocompleteCallbackRequest",
}

// CheckCallback validates an interaction response, as POSTed to the
// callback route or written in the HTTP endpoint's reply.
func (v *Validator) CheckCallback(body []byte) error {
	var cb struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &cb); err != nil {
		return err
	}
	name, ok := callbackSchemas[cb.Type]
	if !ok {
		return fmt.Errorf("unexpected callback type %d", cb.Type)
	}
	if err := v.validate(name, body); err != nil {
		return err
	}
	switch cb.Type {
	case 4, 7:
		return messageLimits(cb.Data)
	case 8:
		return choiceLimits(cb.Data)
	}
	return nil
}

// message validates a message body against schema and Discord's limits.
func (v *Validator) message(schema string, body []byte) error {
	if err := v.validate(schema, body); err != nil {
		return err
	}
	return messageLimits(body)
}

// commands validates a bulk overwrite: an array of command definitions.
func (v *Validator) commands(body []byte) error {
	var cmds []json.RawMessage
	if err := json.Unmarshal(body, &cmds); err != nil {
		return err
	}
	if len(cmds) > 100 {
		return fmt.Errorf("%d commands, Discord allows 100 per kind", len(cmds))
	}
	for k, c := range cmds {
		if err := v.validate("ApplicationCommandUpdateRequest", c); err != nil {
			return fmt.Errorf("command %d: %w", k, err)
		}
	}
	return nil
}
