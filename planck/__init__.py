"""planck: check Chinese five-year-plan targets against measured values."""

__version__ = "0.1.0"
