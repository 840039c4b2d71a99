"""Reading files: YAML loading with positions, the models, units, validation, finding a city's files."""
