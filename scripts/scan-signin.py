# Signs in to the portal as a demo account, sets up (or uses) its authenticator app, prints a Cookie header value.
import base64, hashlib, hmac, re, struct, sys, time, requests
base, email, password = sys.argv[1], sys.argv[2], sys.argv[3]
s = requests.Session()
def fields(html):
    return dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
def totp(key, offset=0):
    k = base64.b32decode(key.replace(' ', '').upper() + '=' * (-len(key.replace(' ', '')) % 8))
    step = int(time.time()) // 30 + offset
    h = hmac.new(k, struct.pack('>Q', step), hashlib.sha1).digest()
    o = h[-1] & 15
    return '%06d' % ((struct.unpack('>I', h[o:o + 4])[0] & 0x7fffffff) % 1000000)
page = s.get(base + '/Account/Login').text
f = fields(page); f.update({'Input.Email': email, 'Input.Password': password})
r = s.post(base + '/Account/Login', data=f)
if 'shared-key' in r.text:
    key = re.search(r'id="shared-key"[^>]*>([^<]+)<', r.text).group(1)
    f = fields(r.text); f.update({'Input.Code': totp(key)})
    r = s.post(r.url, data=f)
    print('set up the authenticator; key saved', file=sys.stderr)
    open('/tmp/scan/key-' + email, 'w').write(key)
elif 'LoginWith2fa' in r.url:
    key = open('/tmp/scan/key-' + email).read()
    f = fields(r.text); f.update({'Input.Code': totp(key, 1)})
    r = s.post(r.url, data=f)
print(r.status_code, r.url, file=sys.stderr)
print('; '.join(f'{c.name}={c.value}' for c in s.cookies))
