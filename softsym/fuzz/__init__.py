"""Differential soundness fuzzing: random relations from the field's building blocks, each
verdict checked by an oracle that does not use the prover."""
