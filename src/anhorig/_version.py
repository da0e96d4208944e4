"""The version of anhorig, on the ground floor: the store writes it into every store it
creates, and the command prints it, without importing the package face."""

__version__ = "0.1.0"
