#!/usr/bin/env bash
# The activities of Orchestrator's Integration Pack for Operations Manager, as calls of MonitoringHost's REST API:
#   create-alert, get-alert, monitor-alert, update-alert, get-monitor, monitor-state, start-maintenance, stop-maintenance.
# Connection: MH_URL (default http://127.0.0.1:5080) and MH_API_KEY (an Operator key; mh keys create --role Operator).
# Inputs are options named after the activity's inputs (--name, --owner, --custom-field3, …); the published data is
# printed as JSON on stdout (monitor-* print one JSON line per event). Needs bash, curl and jq.
# Exit codes, as mh's: 0 done, 1 the server refused (its problem on stderr), 2 usage, 3 server unreachable or no key,
# 4 not found. See samples/orchestrator/README.md.
set -euo pipefail

readonly ENTITY_STATE=System.Health.EntityState
MH_URL=${MH_URL:-http://127.0.0.1:5080}
MH_URL=${MH_URL%/}
declare -A opt=()
tmp=""
feed_pid=""

usage() {
  cat <<'TEXT'
usage: mh-activities.sh <activity> [--option value]...
  create-alert       --object ID|NAME --name N [--description D] [--severity Critical|Warning|Information]
                     [--priority High|Medium|Low] [--owner O] [--category C] [--ticket-id T] [--custom-field1..10 V]
  get-alert          [--id ID] [--name N] [--owner O] [--severity S] [--priority P] [--resolution-state N] [--category C]
                     [--ticket-id T] [--monitoring-object-id ID] [--monitoring-object-display-name N]
                     [--monitoring-object-path P] [--monitoring-class-id C] [--rule-or-monitor-id R] [--problem-id ID]
                     [--is-monitor-alert true|false] [--resolved-by U] [--last-modified-by U] [--connector-id ID]
                     [--custom-field1..10 V] [--criteria 'SCOM criteria']
  monitor-alert      (the get-alert filters) [--since SEQUENCE] [--count N] [--timeout SECONDS]
  update-alert       --alert-id ID [--owner O] [--resolution-state N|NAME] [--ticket-id T] [--custom-field1..10 V] [--comment C]
  get-monitor        [--id ID] [--display-name N] [--full-name N] [--path P] [--class C] [--health-state S]
                     [--in-maintenance-mode true|false] [--is-available true|false] [--criteria 'SCOM criteria']
  monitor-state      --object ID|NAME --state Critical|Warning|Healthy|Uninitialized [--since SEQUENCE] [--count N] [--timeout SECONDS]
  start-maintenance  --monitor ID|NAME [--reason PlannedOther|…] [--duration MINUTES | --until TIME] [--comment C] [--recursive true|false]
  stop-maintenance   --monitor ID|NAME
environment: MH_URL (default http://127.0.0.1:5080), MH_API_KEY (required)
TEXT
}

fail() { echo "error: $2" >&2; exit "$1"; }

cleanup() {
  if [ -n "$feed_pid" ]; then kill "$feed_pid" 2>/dev/null || true; wait "$feed_pid" 2>/dev/null || true; fi
  if [ -n "$tmp" ]; then rm -rf "$tmp"; fi
}
trap cleanup EXIT

# Reads --option value (or --option=value) pairs into opt[], refusing options the activity does not take.
parse_options() {
  local allowed name
  allowed=" $(echo $1) "
  shift
  while [ $# -gt 0 ]; do
    case $1 in
      --*=*) name=${1%%=*}; set -- "$name" "${1#*=}" "${@:2}" ;;
    esac
    name=${1#--}
    [[ $1 == --* && $allowed == *" $name "* ]] || fail 2 "$activity does not take '$1' (it takes: $(echo $allowed | sed 's/[^ ]*/--&/g'))"
    [ $# -ge 2 ] || fail 2 "$1 needs a value"
    opt[$name]=$2
    shift 2
  done
}

has() { [ -n "${opt[$1]+set}" ]; }
need() { has "$1" || fail 2 "$activity needs --$1"; }
custom_fields() { local i; for i in 1 2 3 4 5 6 7 8 9 10; do printf 'custom-field%s ' "$i"; done; }

# kebab-case option → camelCase API field: monitoring-object-id → monitoringObjectId, custom-field3 → customField3.
field_of() { sed -E 's/-([a-z0-9])/\U\1/g' <<<"$1"; }

uri() { jq -rn --arg v "$1" '$v | @uri'; }

# Orchestrator's names for severity, priority and health next to the API's.
severity_of() { case ${1,,} in critical | error) echo Error ;; warning) echo Warning ;; information) echo Information ;; *) echo "$1" ;; esac; }
priority_of() { case ${1,,} in high) echo High ;; medium | normal) echo Normal ;; low) echo Low ;; *) echo "$1" ;; esac; }
health_of() {
  case ${1,,} in
    critical | error | 3) echo 3 ;; warning | 2) echo 2 ;; healthy | success | 1) echo 1 ;; uninitialized | 0) echo 0 ;;
    *) fail 2 "'$1' is not a state: Critical, Warning, Healthy or Uninitialized" ;;
  esac
}

# Calls the API; prints the answer's body. A refusal prints the server's problem on stderr and exits 1 (4 for 404).
api() {
  local method=$1 path=$2 body=${3-} out status
  [ -n "${MH_API_KEY:-}" ] || fail 3 "no API key: set MH_API_KEY (mh keys create --role Operator --name runbooks makes one)"
  local args=(-sS --max-time 30 -X "$method" -H "Authorization: Bearer $MH_API_KEY" -H 'Accept: application/json' -w '\n%{http_code}')
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data-binary "$body")
  out=$(curl "${args[@]}" "$MH_URL$path") || fail 3 "cannot reach $MH_URL"
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  if [ "$status" -ge 400 ]; then
    problem "$status" "$out"
    [ "$status" = 404 ] && exit 4
    exit 1
  fi
  printf '%s\n' "$out"
}

# The server's problem document on stderr: "error: <status> <title>: <detail>" and each error with where it is.
problem() {
  jq -r --arg status "$1" '"error: \($status) \(.title // ""): \(.detail // "")",
    ((.errors // []) | if type == "object" then to_entries | map("  \(.key): \(.value | join("; "))")[]
                       else .[] | "  \(.path // "")\(if .line then ":\(.line):\(.column)" else "" end): \(.message)" end)' <<<"$2" \
    >&2 2>/dev/null || echo "error: $1 $2" >&2
}

# Every page of a list (GET path?query&limit=…&cursor=…), as one array.
list_all() {
  local path=$1 cursor="" page items='[]'
  while :; do
    page=$(api GET "$path&limit=1000${cursor:+&cursor=$(uri "$cursor")}")
    items=$(jq -c --argjson before "$items" '$before + .items' <<<"$page")
    cursor=$(jq -r '.nextCursor // empty' <<<"$page")
    [ -n "$cursor" ] || break
  done
  printf '%s\n' "$items"
}

# A criteria string from the filter options given: field = 'value' for each, and --criteria in parentheses, ANDed.
criteria_of() {
  local names=$1 name value parts=()
  for name in $names; do
    has "$name" || continue
    value=${opt[$name]}
    case $name in
      severity) value=$(severity_of "$value") ;;
      priority) value=$(priority_of "$value") ;;
      health-state) value=$(health_of "$value") ;;
    esac
    parts+=("$(field_of "$name") = '${value//\'/\'\'}'")
  done
  if has criteria; then parts+=("(${opt[criteria]})"); fi
  local joined="" part
  for part in "${parts[@]}"; do joined+="${joined:+ AND }$part"; done
  printf '%s' "$joined"
}

# "?criteria=…" for a criteria string, nothing for none.
criteria_query() { if [ -n "$1" ]; then printf 'criteria=%s' "$(uri "$1")"; fi; }

# An object's id from its id, display name, path or full name (exactly one object must match).
object_id() {
  local given=$1 matches
  if [[ $given =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]]; then echo "$given"; return; fi
  local quoted=${given//\'/\'\'}
  matches=$(list_all "/api/v1/objects?criteria=$(uri "displayName = '$quoted' OR path = '$quoted' OR fullName = '$quoted'")")
  case $(jq length <<<"$matches") in
    1) jq -r '.[0].id' <<<"$matches" ;;
    0) fail 4 "no object is named '$given' (by display name, path or full name)" ;;
    *) fail 2 "'$given' names $(jq length <<<"$matches") objects: give one's id ($(jq -r 'map(.id + " " + .fullName) | join(", ")' <<<"$matches"))" ;;
  esac
}

readonly ALERT_FILTERS="id name description owner severity priority resolution-state category ticket-id monitoring-object-id
  monitoring-object-display-name monitoring-object-path monitoring-class-id rule-or-monitor-id problem-id is-monitor-alert
  resolved-by last-modified-by connector-id $(custom_fields)"
readonly OBJECT_FILTERS="id display-name full-name path health-state in-maintenance-mode is-available host-id"

create_alert() {
  parse_options "object name description severity priority owner category ticket-id $(custom_fields)" "$@"
  need object
  need name
  local target body name
  target=$(object_id "${opt[object]}")
  body=$(jq -n --arg object "$target" --arg name "${opt[name]}" --arg severity "$(severity_of "${opt[severity]:-Critical}")" \
    '{ monitoringObjectId: $object, name: $name, severity: $severity }')
  for name in description priority owner category ticket-id $(custom_fields); do
    has "$name" || continue
    local value=${opt[$name]}
    [ "$name" != priority ] || value=$(priority_of "$value")
    body=$(jq -c --arg field "$(field_of "$name")" --arg value "$value" '.[$field] = $value' <<<"$body")
  done
  api POST /api/v1/alerts "$body" | jq .
}

get_alert() {
  parse_options "$ALERT_FILTERS criteria" "$@"
  list_all "/api/v1/alerts?$(criteria_query "$(criteria_of "$ALERT_FILTERS")")" | jq '{ alertCount: length, alerts: . }'
}

update_alert() {
  parse_options "alert-id owner resolution-state ticket-id comment $(custom_fields)" "$@"
  need alert-id
  local body='{}' name value
  for name in owner resolution-state ticket-id comment $(custom_fields); do
    has "$name" || continue
    value=${opt[$name]}
    if [ "$name" = resolution-state ]; then
      body=$(jq -c --argjson code "$(resolution_state "$value")" '.resolutionState = $code' <<<"$body")
    else
      body=$(jq -c --arg field "$(field_of "$name")" --arg value "$value" '.[$field] = $value' <<<"$body")
    fi
  done
  [ "$body" != '{}' ] || fail 2 "nothing to change: give --owner, --resolution-state, --ticket-id or a --custom-field"
  api PATCH "/api/v1/alerts/$(uri "${opt[alert-id]}")" "$body" | jq .
}

# A resolution state's code from its code or name (New, Closed, or a custom state's name).
resolution_state() {
  case ${1,,} in
    new) echo 0; return ;; closed) echo 255; return ;;
  esac
  if [[ $1 =~ ^[0-9]+$ ]]; then echo "$1"; return; fi
  local code
  code=$(api GET /api/v1/resolution-states | jq -r --arg name "${1,,}" '.items[] | select((.name | ascii_downcase) == $name) | .code' | head -n 1)
  [ -n "$code" ] || fail 2 "'$1' is not a resolution state (GET /api/v1/resolution-states lists them)"
  echo "$code"
}

get_monitor() {
  parse_options "$OBJECT_FILTERS class criteria" "$@"
  local query
  query=$(criteria_query "$(criteria_of "$OBJECT_FILTERS")")
  ! has class || query+="&class=$(uri "${opt[class]}")"
  list_all "/api/v1/objects?$query" | jq '{ objectCount: length, objects: . }'
}

# Follows the change feed (GET /api/v1/events, server-sent events) of the given kinds and calls "$handler <event json>"
# for each event; the handler prints what it publishes and returns 0, or returns 1 to skip the event. Stops after
# --count published events, when --timeout seconds have passed, or when the stream ends. Prints on stderr where it starts.
follow_feed() {
  local kinds=$1 handler=$2 count=${opt[count]:-0} line data="" published=0 status
  [[ $count =~ ^[0-9]+$ ]] || fail 2 "--count is a number of events"
  [ -n "${MH_API_KEY:-}" ] || fail 3 "no API key: set MH_API_KEY"
  tmp=$(mktemp -d)
  mkfifo "$tmp/feed"
  local args=(-sS -N -H "Authorization: Bearer $MH_API_KEY" -H 'Accept: text/event-stream' -D "$tmp/headers")
  ! has timeout || args+=(--max-time "${opt[timeout]}")
  local url="$MH_URL/api/v1/events?kinds=$(uri "$kinds")"
  ! has since || url+="&since=$(uri "${opt[since]}")"
  curl "${args[@]}" "$url" >"$tmp/feed" &
  feed_pid=$!
  exec {feed}<"$tmp/feed"
  while IFS= read -r line <&$feed || [ -n "$line" ]; do
    case $line in
      ": change feed after "*) echo "following $kinds after sequence ${line#: change feed after }" >&2 ;;
      "data: "*) data=${line#data: } ;;
      "") if [ -n "$data" ] && "$handler" "$data"; then
            published=$((published + 1))
            if [ "$count" -gt 0 ] && [ "$published" -ge "$count" ]; then return 0; fi
          fi
          data="" ;;
      "{"*) data=$line ;;
    esac
  done
  local rc=0
  wait "$feed_pid" || rc=$?
  feed_pid=""
  status=$(awk 'toupper($1) ~ /^HTTP/ { code = $2 } END { print code }' "$tmp/headers" 2>/dev/null)
  if [ "${status:-0}" -ge 400 ]; then problem "$status" "$data"; [ "$status" = 404 ] && exit 4; exit 1; fi
  case $rc in
    0 | 28) return 0 ;;  # the server ended the stream, or --timeout passed
    *) fail 3 "the change feed of $MH_URL broke off (curl exit $rc)" ;;
  esac
}

monitor_alert() {
  parse_options "$ALERT_FILTERS criteria since count timeout" "$@"
  alert_criteria=$(criteria_of "$ALERT_FILTERS")
  follow_feed alert.created,alert.updated publish_alert
}

# An alert event: published when no filter is given, or when the server finds the alert matching them.
publish_alert() {
  local event=$1 id matching
  if [ -n "$alert_criteria" ]; then
    id=$(jq -r .subjectId <<<"$event")
    # Called as a condition, where set -e does not apply: a refusal must still end the script.
    matching=$(api GET "/api/v1/alerts?limit=1&criteria=$(uri "id = '$id' AND ($alert_criteria)")") || exit $?
    [ "$(jq '.items | length' <<<"$matching")" = 1 ] || return 1
  fi
  jq -c '{ event: .kind, sequence, alert: (.data | del(.history, .suppression)), change: .data.history }' <<<"$event"
}

monitor_state() {
  parse_options "object state since count timeout" "$@"
  need object
  need state
  watched=$(object_id "${opt[object]}")
  wanted=$(health_of "${opt[state]}")
  follow_feed health.changed publish_state
}

# A health change: published when it is the watched object's own state (its System.Health.EntityState) becoming the state asked for.
publish_state() {
  jq -e --arg object "$watched" --arg monitor "$ENTITY_STATE" --argjson state "$wanted" \
    '.subjectId == $object and .data.monitorId == $monitor and .data.newState == $state' <<<"$1" >/dev/null || return 1
  local item
  item=$(api GET "/api/v1/objects/$watched") || exit $?
  jq -c --argjson event "$1" \
    '. + { stateChange: { sequence: $event.sequence, oldState: $event.data.oldState, newState: $event.data.newState, time: $event.data.time } }' <<<"$item"
}

start_maintenance() {
  parse_options "monitor reason duration until comment recursive" "$@"
  need monitor
  local id body item window entered
  id=$(object_id "${opt[monitor]}")
  if has duration && has until; then fail 2 "give --duration or --until, not both"; fi
  body=$(jq -n --arg reason "${opt[reason]:-PlannedOther}" --arg comment "${opt[comment]:-}" \
    --arg duration "${opt[duration]:-}" --arg until "${opt[until]:-}" --arg recursive "${opt[recursive]:-true}" '
    { reason: $reason, recursive: ($recursive == "true") }
    + (if $until != "" then { until: $until } else { durationMinutes: (if $duration == "" then 60 else ($duration | tonumber) end) } end)
    + (if $comment != "" then { comment: $comment } else {} end)') || fail 2 "--duration is a number of minutes"
  entered=$(api POST "/api/v1/objects/$id/maintenance" "$body")
  item=$(api GET "/api/v1/objects/$id")
  window=$(api GET /api/v1/maintenance | jq -c --arg id "$id" '.items[] | select(.objectId == $id)')
  jq -n --argjson item "$item" --argjson window "$window" --argjson entered "$entered" --arg server "$MH_URL" '
    { id: $item.id, fullName: $item.fullName, displayName: $item.displayName, inMaintenanceMode: $item.inMaintenanceMode,
      reason: $window.reason, comment: $window.comment, startTime: $window.start, stopTime: $window.until, by: $window.by,
      entered: $entered.entered, server: $server }'
}

stop_maintenance() {
  parse_options "monitor" "$@"
  need monitor
  local id left item
  id=$(object_id "${opt[monitor]}")
  left=$(api DELETE "/api/v1/objects/$id/maintenance")
  item=$(api GET "/api/v1/objects/$id")
  jq -n --argjson item "$item" --argjson left "$left" --arg stopped "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg server "$MH_URL" '
    { id: $item.id, fullName: $item.fullName, displayName: $item.displayName, inMaintenanceMode: $item.inMaintenanceMode,
      stopTime: $stopped, left: $left.left, server: $server }'
}

command -v jq >/dev/null || fail 3 "jq is not installed (apt-get install jq)"
command -v curl >/dev/null || fail 3 "curl is not installed (apt-get install curl)"
activity=${1:-}
[ $# -eq 0 ] || shift
case $activity in
  create-alert) create_alert "$@" ;;
  get-alert) get_alert "$@" ;;
  monitor-alert) monitor_alert "$@" ;;
  update-alert) update_alert "$@" ;;
  get-monitor) get_monitor "$@" ;;
  monitor-state) monitor_state "$@" ;;
  start-maintenance) start_maintenance "$@" ;;
  stop-maintenance) stop_maintenance "$@" ;;
  -h | --help | help) usage ;;
  *) usage >&2; fail 2 "${activity:+unknown activity '$activity'}${activity:-name an activity}" ;;
esac
