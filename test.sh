#!/usr/bin/env bash
# Runs the whole test suite: restores, builds (warnings are errors) and runs every test project,
# then prints one closing line "N passed, N failed, N skipped".
# Packages the tests need are installed here, and the services they talk to are started here: a throwaway
# PostgreSQL cluster on a free loopback port (MH_TEST_POSTGRES), an SNMP agent (snmpd) on a free loopback UDP port
# (MH_TEST_SNMP) and an OpenSSH server with a throwaway user (MH_TEST_SSH). A service that cannot start is reported; the tests
# that need it are then skipped locally and fail under CI=true.
set -euo pipefail
cd "$(dirname "$0")"

results=$(mktemp -d)
pg_dir=""
snmp_dir=""
pg_bin=/usr/lib/postgresql/15/bin
ssh_dir=""
ssh_user=""

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

cleanup() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -m immediate -w stop" >/dev/null 2>&1 || true
  fi
  [ -n "$pg_dir" ] && rm -rf "$pg_dir"
  if [ -n "$snmp_dir" ] && [ -f "$snmp_dir/snmpd.bgpid" ]; then
    kill "$(cat "$snmp_dir/snmpd.bgpid")" 2>/dev/null || true
    wait "$(cat "$snmp_dir/snmpd.bgpid")" 2>/dev/null || true
  fi
  [ -n "$snmp_dir" ] && rm -rf "$snmp_dir"
  if [ -n "$ssh_dir" ] && [ -f "$ssh_dir/sshd.bgpid" ]; then kill "$(cat "$ssh_dir/sshd.bgpid")" 2>/dev/null || true; fi
  if [ -n "$ssh_user" ]; then userdel -f -r "$ssh_user" >/dev/null 2>&1 || true; fi
  [ -n "$ssh_dir" ] && rm -rf "$ssh_dir"
  rm -rf "$results"
}
trap cleanup EXIT

# Starts a throwaway PostgreSQL 15 cluster (initdb + pg_ctl, trust auth, socket in its own temp folder, fsync off:
# it lives for one run) and exports MH_TEST_POSTGRES. Prints why when it cannot.
start_postgres() {
  if [ ! -x "$pg_bin/initdb" ]; then
    echo "PostgreSQL 15 is not installed; installing postgresql-15"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null; }; then
      echo "PostgreSQL not started: installing postgresql-15 failed"
      return 1
    fi
  fi
  local started port
  started=$(date +%s%N)
  pg_dir=$(mktemp -d)
  chmod 755 "$pg_dir"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pg_dir"; fi
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if ! as_postgres "$pg_bin/initdb -D $pg_dir/data -U postgres --auth=trust --no-sync --encoding=UTF8 --locale=C.UTF-8 >$pg_dir/initdb.log 2>&1"; then
    echo "PostgreSQL not started: initdb failed:"; tail -n 20 "$pg_dir/initdb.log"
    return 1
  fi
  if ! as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/server.log -w -t 30 -o \"-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off\" start >/dev/null"; then
    echo "PostgreSQL not started: pg_ctl start failed:"; tail -n 20 "$pg_dir/server.log"
    return 1
  fi
  export MH_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Timeout=10"
  echo "PostgreSQL 15 on 127.0.0.1:$port, started in $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

# Starts snmpd on a free UDP port of 127.0.0.1 with the read-only community "public" for everything and "secret2"
# for the system subtree only, and exports MH_TEST_SNMP=127.0.0.1:port;public. Debian ships no MIB files: OIDs are
# numeric and MIBS= keeps the tools from looking for modules. snmptrap and snmpinform (package snmp) send the
# notifications the trap listener tests receive.
start_snmpd() {
  if [ ! -x /usr/sbin/snmpd ] || ! command -v snmpinform >/dev/null; then
    echo "snmpd or the snmp tools are not installed; installing snmpd snmp"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq snmpd snmp >/dev/null; }; then
      echo "snmpd not started: installing snmpd snmp failed"
      return 1
    fi
  fi
  local started port tries=0
  started=$(date +%s%N)
  snmp_dir=$(mktemp -d)
  port=$(python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat >"$snmp_dir/snmpd.conf" <<CONF
agentAddress udp:127.0.0.1:$port
rocommunity public 127.0.0.1
rocommunity secret2 127.0.0.1 .1.3.6.1.2.1.1
sysLocation monitoringhost-test-lab
sysContact snmp-test@example.invalid
CONF
  MIBS= MIBDIRS=/nonexistent /usr/sbin/snmpd -f -Lf "$snmp_dir/snmpd.log" -C -c "$snmp_dir/snmpd.conf" \
    -p "$snmp_dir/snmpd.pid" -I -smux,mteTrigger,mteTriggerConf &
  echo $! >"$snmp_dir/snmpd.bgpid"
  until MIBS= snmpget -v2c -c public -t 0.1 -r 0 "127.0.0.1:$port" 1.3.6.1.2.1.1.3.0 >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ] || ! kill -0 "$(cat "$snmp_dir/snmpd.bgpid")" 2>/dev/null; then
      echo "snmpd not started:"; tail -n 20 "$snmp_dir/snmpd.log"
      return 1
    fi
    sleep 0.05
  done
  export MH_TEST_SNMP="127.0.0.1:$port;public"
  echo "snmpd on 127.0.0.1:$port (udp), started in $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

# Starts sshd on a free loopback port with its own host key and config in a temp folder, for a throwaway user that
# logs in with a password or one of three client keys (ed25519; RSA in PEM format; ed25519 encrypted with the
# user's password as passphrase), and exports
# MH_TEST_SSH="127.0.0.1;port;user;password;ed25519 key;RSA PEM key;encrypted ed25519 key;host public key".
# Needs root (useradd). Prints why when it cannot.
start_sshd() {
  if [ "$(id -u)" != 0 ]; then echo "sshd not started: creating its test user needs root"; return 1; fi
  if [ ! -x /usr/sbin/sshd ]; then
    echo "sshd is not installed; installing openssh-server"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server >/dev/null; }; then
      echo "sshd not started: installing openssh-server failed"
      return 1
    fi
  fi
  local port password home tries=0
  ssh_dir=$(mktemp -d)
  ssh_user="mhssh$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
  password="Mh-$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if ! { useradd -m -s /bin/sh "$ssh_user" && echo "$ssh_user:$password" | chpasswd; }; then
    echo "sshd not started: creating user $ssh_user failed"; return 1
  fi
  ssh-keygen -q -t ed25519 -N '' -C mh-host -f "$ssh_dir/host_ed25519_key"
  ssh-keygen -q -t ed25519 -N '' -C mh-test -f "$ssh_dir/client_ed25519"
  ssh-keygen -q -t rsa -b 2048 -m PEM -N '' -C mh-test -f "$ssh_dir/client_rsa_pem"
  ssh-keygen -q -t ed25519 -N "$password" -C mh-test -f "$ssh_dir/client_ed25519_encrypted"
  home=$(getent passwd "$ssh_user" | cut -d: -f6)
  install -d -m 700 -o "$ssh_user" -g "$ssh_user" "$home/.ssh"
  cat "$ssh_dir"/client_*.pub > "$home/.ssh/authorized_keys"
  chown "$ssh_user:$ssh_user" "$home/.ssh/authorized_keys"
  chmod 600 "$home/.ssh/authorized_keys"
  printf '%s\n' "Port $port" "ListenAddress 127.0.0.1" "HostKey $ssh_dir/host_ed25519_key" "PidFile $ssh_dir/sshd.pid" \
    "PubkeyAuthentication yes" "PasswordAuthentication yes" "KbdInteractiveAuthentication no" "UsePAM no" \
    "PermitRootLogin no" "AllowUsers $ssh_user" > "$ssh_dir/sshd_config"
  mkdir -p /run/sshd
  /usr/sbin/sshd -D -e -f "$ssh_dir/sshd_config" > "$ssh_dir/sshd.log" 2>&1 &
  echo $! > "$ssh_dir/sshd.bgpid"
  until python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2).close()" 2>/dev/null; do
    tries=$((tries + 1))
    if [ $tries -gt 100 ] || ! kill -0 "$(cat "$ssh_dir/sshd.bgpid")" 2>/dev/null; then
      echo "sshd not started:"; tail -n 20 "$ssh_dir/sshd.log"; return 1
    fi
    sleep 0.05
  done
  export MH_TEST_SSH="127.0.0.1;$port;$ssh_user;$password;$ssh_dir/client_ed25519;$ssh_dir/client_rsa_pem;$ssh_dir/client_ed25519_encrypted;$ssh_dir/host_ed25519_key.pub"
  echo "sshd on 127.0.0.1:$port for user $ssh_user"
}

# Recurring maintenance windows are read in IANA time zones: the tests need the system's time zone data.
if [ ! -e /usr/share/zoneinfo/Europe/Berlin ]; then
  echo "time zone data missing; installing tzdata"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tzdata >/dev/null
fi

# The Orchestrator-style activities sample (samples/orchestrator/mh-activities.sh) is bash with curl and jq.
if ! command -v jq >/dev/null || ! command -v curl >/dev/null; then
  echo "jq or curl missing; installing jq curl"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq curl >/dev/null
fi

dotnet build MonitoringHost.sln --configuration Release -warnaserror -nologo -clp:ErrorsOnly

if ! start_postgres; then
  echo "PostgreSQL tests will be skipped (and fail under CI=true)"
fi
if ! start_sshd; then
  echo "SSH tests will be skipped (and fail under CI=true)"
fi

if ! start_snmpd; then
  echo "SNMP tests will be skipped (and fail under CI=true)"
fi

status=0
dotnet test MonitoringHost.sln --configuration Release --no-build --nologo \
  --logger "trx;LogFilePrefix=run" --results-directory "$results" || status=$?

# Sum the counters of every test project's result file.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
files = glob.glob(sys.argv[1] + "/*.trx")
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns).attrib
    passed += int(c["passed"]); failed += int(c["failed"]) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c["total"]) - int(c["executed"])  # skipped tests are counted as not executed
print(f"{len(files)} test project(s)")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
