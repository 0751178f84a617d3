"""service: the FastAPI app, its routes and repository, settings, the `kg` command line."""
