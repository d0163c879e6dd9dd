"""The rules layer: pure functions of a ledger (and an as-of date) returning findings. No I/O."""
