#!/usr/bin/env python3
"""Signs in to a running portal as a person does (the static account pages, antiforgery and all), turns on
two-factor authentication with an authenticator app, and prints the authenticator key: the test is the app.
Used by make-fixtures.sh to prepare an upgrade fixture. Standard library only.
Usage: enrol-authenticator.py BASE_URL EMAIL PASSWORD"""
import base64, hashlib, hmac, html, http.cookiejar, re, struct, sys, time, urllib.parse, urllib.request

base, email, password = sys.argv[1].rstrip('/') + '/', sys.argv[2], sys.argv[3]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def get(path):
    with opener.open(base + path) as r:
        return r.geturl(), r.read().decode()


def post(path, page, fields):
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    data = urllib.parse.urlencode({k: html.unescape(v) for k, v in hidden.items()} | fields).encode()
    with opener.open(base + path, data) as r:
        return r.geturl(), r.read().decode()


def totp(key):
    secret = base64.b32decode(key.replace(' ', '').upper() + '=' * (-len(key.replace(' ', '')) % 8))
    digest = hmac.new(secret, struct.pack('>Q', int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return '%06d' % ((struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


_, page = get('Account/Login')
url, _ = post('Account/Login', page, {'Input.Email': email, 'Input.Password': password})
if 'Account/Login' in url:
    sys.exit(f'Sign-in as {email} failed: {url}')
_, page = get('Account/Manage/EnableAuthenticator')
key = html.unescape(re.search(r'id="shared-key"[^>]*>([^<]+)<', page).group(1)).strip()
_, done = post('Account/Manage/EnableAuthenticator', page, {'Input.Code': totp(key)})
if 'recovery-code' not in done:
    sys.exit('Two-factor authentication was not turned on: ' + re.sub(r'\s+', ' ', re.sub('<[^>]+>', ' ', done))[:400])
print(key.replace(' ', '').upper())
