"""Writing files: atomic writes and the report files."""
