"""HTTP routes, one module per resource; each handler validates, calls the repository, answers."""
