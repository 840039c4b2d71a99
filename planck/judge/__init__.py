"""Judging: evaluation of targets against observations, pace arithmetic, explain, compare, batches."""
