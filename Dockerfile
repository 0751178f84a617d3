# The newsgraph service image; docker-compose.yml runs it against Neo4j 5 (KG_NEO4J_URI), so it
# installs the project without the embedded graph server (the `embedded` extra).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# Dependencies first, from pyproject.toml alone: a change to the source reuses this layer.
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt
COPY graph_schema ./graph_schema
COPY loaders ./loaders
COPY service ./service
RUN pip install --no-deps . && useradd --create-home --uid 10001 kg
COPY examples ./examples

USER kg
EXPOSE 8000
CMD ["kg", "serve"]
