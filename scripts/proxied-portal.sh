#!/usr/bin/env bash
# The portal as deployed, for the proxied end-to-end test (Tests/EndToEnd/ProxiedPortalTests.cs): `dotnet publish`
# output run behind Debian's nginx (in Staging: Production with demo data allowed), with deploy/nginx/review-portal.conf itself (names,
# ports and paths replaced), TLS by a self-signed certificate for "portal.test", on loopback ports.
#   scripts/proxied-portal.sh start DIR   publishes (the Release build must exist), starts both, writes DIR/env
#   scripts/proxied-portal.sh stop DIR    stops both and removes DIR
# nginx connects to the portal from 127.0.0.2 (proxy_bind), the only address in ForwardedHeaders:KnownProxies, so a
# request straight from 127.0.0.1 shows that forwarded headers from anywhere else are ignored.
# Needs: nginx, openssl, the Release build, and maildev's SMTP port in PORTAL_TEST_SMTP_PORT (scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
action=${1:?start or stop}
dir=${2:?a folder}

free_port() { local p=$1; while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }

if [ "$action" = stop ]; then
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  [ -f "$dir/portal.pid" ] && kill "$(cat "$dir/portal.pid")" 2>/dev/null || true
  sleep 1
  rm -rf "$dir"
  exit 0
fi

mkdir -p "$dir"/{tls,tmp,data}
chmod 777 "$dir/tmp"
app_port=$(free_port 5100)
https_port=$(free_port 8443)
http_port=$(free_port 8080)
host=portal.test

openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=$host" -addext "subjectAltName=DNS:$host" -days 2 \
  -keyout "$dir/tls/portal.key" -out "$dir/tls/portal.crt" 2>/dev/null
# The key ring's certificate, made as docs/DEPLOYMENT.md says (Production refuses an unencrypted key ring).
openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=Review Portal key ring" -days 2 \
  -keyout "$dir/tls/ring.key" -out "$dir/tls/ring.crt" 2>/dev/null
openssl pkcs12 -export -inkey "$dir/tls/ring.key" -in "$dir/tls/ring.crt" -out "$dir/tls/ring.pfx" -passout pass:ring-test
rm "$dir/tls/ring.key"

dotnet publish Portal -c Release --no-build --nologo -v q -o "$dir/publish" >/dev/null

# The settings of deploy/systemd/portal.env.example, for this test's ports and folders.
(
  cd "$dir/publish"
  # Staging, not Production, only because the test works on the demo data set, which Production refuses; the rest
  # (HSTS, error pages, forwarded headers, host filtering) is as in Production.
  export ASPNETCORE_ENVIRONMENT=Staging
  export Urls="http://127.0.0.1:$app_port"
  export AllowedHosts="$host;localhost"
  export Email__PortalBaseUrl="https://$host:$https_port"
  export ForwardedHeaders__KnownProxies=127.0.0.2
  export Security__RequireHttpsCookies=true
  export Security__RequireTwoFactorForRoles=
  export Seed__DemoData=true Seed__DemoPassword='Demo-Password-2026!'
  export Database__DataPath="$dir/data"
  export DataProtection__CertificatePath="$dir/tls/ring.pfx" DataProtection__CertificatePassword=ring-test
  export Email__Transport=Smtp Email__Smtp__Host=127.0.0.1 Email__Smtp__Port="${PORTAL_TEST_SMTP_PORT:?start maildev first}" Email__Smtp__TlsMode=None
  export Logging__Format=Json
  export Metrics__ScrapeAllowedFrom=127.0.0.1
  # Migrated and seeded first by the migrate command (as DEPLOYMENT.md allows), so that the demo data's one-time
  # announcement goes to its own output and the server's log holds only JSON lines.
  dotnet Portal.dll migrate >"$dir/migrate.log" 2>&1
  exec dotnet Portal.dll >"$dir/portal.log" 2>&1
) &
echo $! >"$dir/portal.pid"

sed -e "s|portal.council.gov.uk|$host|g" \
    -e "s|listen 443 ssl|listen 127.0.0.1:$https_port ssl|" \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e "s|https://\$host\$request_uri|https://\$host:$https_port\$request_uri|" \
    -e "s|/etc/ssl/review-portal/|$dir/tls/|g" \
    -e "s|server 127.0.0.1:5000;|server 127.0.0.1:$app_port;|" \
    -e "s|proxy_http_version 1.1;|proxy_http_version 1.1;\n        proxy_bind 127.0.0.2;|" \
    deploy/nginx/review-portal.conf >"$dir/review-portal.conf"
cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 512; }
http {
    access_log $dir/nginx-access.log;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/review-portal.conf;
}
CONF
/usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log"

# Ready when the portal says so through the proxy (it migrates and seeds first).
for _ in $(seq 240); do
  curl -sfk --resolve "$host:$https_port:127.0.0.1" "https://$host:$https_port/health/ready" >/dev/null && break
  sleep 0.5
done
curl -sfk --resolve "$host:$https_port:127.0.0.1" "https://$host:$https_port/health/ready" >/dev/null \
  || { echo "The proxied portal did not become ready:"; tail -20 "$dir/portal.log"; cat "$dir/nginx-error.log"; exit 1; }

cat >"$dir/env" <<ENV
export PORTAL_PROXIED_URL=https://$host:$https_port/
export PORTAL_PROXIED_HTTP_URL=http://$host:$http_port/
export PORTAL_PROXIED_DIRECT=http://127.0.0.1:$app_port/
export PORTAL_PROXIED_LOG=$dir/portal.log
export PORTAL_PROXIED_CERT=$dir/tls/portal.crt
ENV
