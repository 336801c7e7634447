# Times the sign-in post for a real address with a wrong password and for an unknown address, alternating, N each.
import re, statistics, sys, time, requests
base, reals, n = sys.argv[1], sys.argv[2].split(','), int(sys.argv[3])
def once(email):
    s = requests.Session()
    page = s.get(base + '/Account/Login').text
    f = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))
    f.update({'Input.Email': email, 'Input.Password': 'Not-The-Password-2026!'})
    t = time.perf_counter(); r = s.post(base + '/Account/Login', data=f); ms = (time.perf_counter() - t) * 1000
    return ms, r.status_code, 'Email or password is not right' in r.text or 'not right' in r.text
once('warmup@example.org')
times = {'real address, wrong password': [], 'unknown address': []}
for i in range(n):
    for label, email in (('real address, wrong password', reals[i % len(reals)]), ('unknown address', f'nobody{i}@example.org')):
        ms, code, same = once(email); times[label].append(ms)
for label, t in times.items():
    t.sort()
    print(f'{label:30} n={len(t)} median {statistics.median(t):6.1f} ms  p10 {t[len(t)//10]:6.1f}  p90 {t[len(t)*9//10]:6.1f}  mean {statistics.mean(t):6.1f}')
