"""What several parts of the tool use: JSON pointers, walking and flattening schemas, and
the facts of a bundled vendor document (its operation, payload kinds, auth, examples)."""
