# The newsgraph service image; docker-compose.yml runs it against Neo4j 5 (KG_NEO4J_URI).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph_schema ./graph_schema
COPY loaders ./loaders
COPY service ./service
RUN pip install . && useradd --create-home --uid 10001 kg
COPY examples ./examples

USER kg
EXPOSE 8000
CMD ["kg", "serve"]
