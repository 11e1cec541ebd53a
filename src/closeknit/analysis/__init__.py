"""The analysis engine: model, rules and coaching, independent of storage and web."""
