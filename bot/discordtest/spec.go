package discordtest

import (
	"errors"
	"os"
	"path/filepath"
)

// specPath is where Discord's OpenAPI description lives relative to an
// ancestor of the package directory: the repository keeps shared/ beside it.
const specPath = "shared/discord-api-spec/openapi.json"

// findSpec walks up from dir and returns the first ancestor's
// shared/discord-api-spec/openapi.json, which covers both <repo>/shared and
// <repo>/../shared.
func findSpec(dir string) (string, error) {
	for {
		candidate := filepath.Join(dir, specPath)
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no " + specPath + " in any ancestor directory")
		}
		dir = parent
	}
}
