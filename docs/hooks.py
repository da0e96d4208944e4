"""mkdocs hooks (placeholder replaced by the docs work)."""
