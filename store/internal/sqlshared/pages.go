package sqlshared

import (
	"encoding/json"
	"fmt"
)

// EncodeOptions writes an answer's options as both databases keep them.
func EncodeOptions(options map[string]string) (string, error) {
	data, err := json.Marshal(options)
	return string(data), err
}

// DecodeOptions reads the options EncodeOptions wrote for key.
func DecodeOptions(key, text string) (map[string]string, error) {
	var options map[string]string
	if err := json.Unmarshal([]byte(text), &options); err != nil {
		return nil, fmt.Errorf("answer page %s: %w", key, err)
	}
	return options, nil
}
