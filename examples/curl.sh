#!/usr/bin/env bash
# The API by example, against `make run` (the demo articles of examples/articles loaded).
#   bash examples/curl.sh            # every call below, answers shortened
#   BASE=http://host:port bash examples/curl.sh
# Ids are found through search, so the calls work whatever the extractor named things.
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:8000}
# Reads are open; writes need a writer key (make run made one: data/local-writer.key).
KEY=${KEY:-$(cat "${KG_DATA_DIR:-data}/local-writer.key" 2>/dev/null || true)}

show() {  # show METHOD PATH [curl args...]: print the call and the first 400 bytes of its answer
  local method=$1 path=$2; shift 2
  echo "== $method $path"
  local answer  # read whole: cutting the pipe (head -c) fails curl under pipefail
  answer=$(curl -sS -X "$method" "$BASE$path" "$@")
  printf '%s\n\n' "${answer:0:400}"
}
json_field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
first_id() {  # first_id QUERY [TYPE]: the best search hit's id
  curl -sS -G "$BASE/entities" --data-urlencode "q=$1" ${2:+--data-urlencode "type=$2"} \
    | json_field 'd["items"][0]["id"]'
}

show GET /health
show GET "/entities?q=Karshi"                           # case/accent/script-insensitive
show GET "/entities?q=%D0%9A%D0%B0%D1%80%D1%88%D0%B8"  # Карши
show GET "/entities?q=kashkadarya&type=Location&subtype=region&limit=5"

CITY=$(first_id Karshi Location)
REGION=$(first_id Kashkadarya Location)
PERSON=$(first_id Mirziyoyev Person)
COMPANY=$(first_id Chery Organization)
echo "ids: city=$CITY region=$REGION person=$PERSON company=$COMPANY"; echo

# Names do wherever ids are taken; `resolved` says which entity each one named.
show GET "/facts/visits?visitor=Azimov"
show GET "/facts/plants?place=Karshi"
show GET "/paths?source=Azimov&target=Karshi"
show GET "/entities/Chery/timeline?limit=2"
show GET "/facts/visits?host=plant"                     # 409: several plants are called so
show GET "/facts/visits?visitor=Nobody"                  # 404 naming GET /entities?q=

show GET "/entities/$COMPANY?limit=5"                   # profile + documents (paged)
show GET "/entities/$COMPANY/neighbors?depth=2&limit=50"
show GET "/entities/$COMPANY/neighbors?depth=2&rel_types=PLANS,LOCATED_IN&format=cytoscape"
show GET "/entities/$COMPANY/neighbors?from=2024-01-01&to=2025-12-31&min_confidence=0.5"
show GET "/entities/$COMPANY/timeline?limit=10"
show GET "/paths?source=$PERSON&target=$CITY&max_hops=6"
show GET "/paths?source=$PERSON&target=$CITY&kind=shortest&rel_types=VISITED,MET_WITH,PLANS,LOCATED_IN"
show GET "/facts/visits?limit=5"
show GET "/facts/visits?visitor=$PERSON&status=done"
show GET "/facts/plants?place=$REGION"
show GET "/facts/plants?company=$COMPANY&status=planned"

RELATION=$(curl -sS "$BASE/relations?limit=1" | json_field 'd["items"][0]["id"]')
show GET "/relations?type=PLANS&limit=3"
show GET "/relations/$RELATION"                          # every supporting document

show GET "/documents?q=plant&lang=en&limit=3"
DOC=$(curl -sS "$BASE/documents?limit=1" | json_field 'd["items"][0]["id"]')
show GET "/documents/$DOC"

show GET "/export?format=graphml"                        # opens in Gephi and yEd
show GET "/export?format=cytoscape&entity=$COMPANY&depth=2"
show GET "/export?format=csv&table=nodes"

show POST /query -H 'content-type: application/json' \
  -d '{"cypher": "MATCH (c:Company)-[:PLANS]->(p:Plant) RETURN c.name AS company, p.name AS plant LIMIT $n", "parameters": {"n": 5}}'
show POST /query -H 'content-type: application/json' \
  -d '{"cypher": "MATCH (n) DETACH DELETE n"}'           # refused: 403 forbidden_query
show GET /stats
show GET "/entities/per:nobody"                          # 404 in the one error shape
show DELETE "/documents/per:nobody"                      # no key: 401 unauthorized
show DELETE "/documents/nothing-here" -H "Authorization: Bearer $KEY"  # writer key: 404

# Curation: the pairs linking left for an analyst, the change log; a merge needs a writer key
show GET "/curation/candidates?limit=3"
show GET "/curation/changes?limit=3"
show POST "/entities/per:nobody/merge" -H "Authorization: Bearer $KEY" \
  -H 'content-type: application/json' -d "{\"into\": \"$PERSON\", \"reason\": \"a try\"}"  # 404
# A merge and its undo (commented out: they change the graph):
# CHANGE=$(curl -sS -X POST -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
#   -d '{"into": "ID", "reason": "same man"}' "$BASE/entities/OTHER_ID/merge" | json_field 'd["id"]')
# curl -sS -X POST -H "Authorization: Bearer $KEY" "$BASE/curation/$CHANGE/undo"

# Deleting a document takes its provenance with it (commented out: it changes the graph).
# curl -sS -X DELETE -H "Authorization: Bearer $KEY" "$BASE/documents/$DOC"
