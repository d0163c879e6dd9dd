"""reformctl: a reform office's implementation ledger (改革落实台账) as YAML files in git."""

__version__ = "0.1.0"
