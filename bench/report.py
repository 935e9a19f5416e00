#!/usr/bin/env python3
"""report.py OUT: one table of hyperfine medians (ms) from OUT/*.json, with
each jwtool cell's ratio to the floor program and to golang-jwt measured in
the same run; for RSA and EC, also the share of golang-jwt's time that
floor-ossl (the floor, plus loading and starting libcrypto) takes."""
import glob, json, os, sys

out = sys.argv[1]
tools = ["jwtool", "jwtool-jwk", "jwtool-decode", "jwtool-inspect",
         "golang-jwt", "jose", "pyjwt", "openssl-mac", "floor", "floor-ossl",
         "empty"]
order = ["sign-HS256", "sign-HS512", "sign-EdDSA", "sign-RS256", "sign-PS256",
         "sign-ES256", "verify-HS256", "verify-HS512", "verify-EdDSA",
         "verify-RS256", "verify-PS256", "verify-ES256", "decode"]
rows = []
for cell in order:
    path = os.path.join(out, cell + ".json")
    if not os.path.exists(path):
        continue
    res = {r["command"]: r["median"] * 1000 for r in json.load(open(path))["results"]}
    rows.append((cell, res))
present = [t for t in tools if any(t in r for _, r in rows)]
print("### One token per process (hyperfine median, ms; ratios from the same run)")
print()
print("| job | " + " | ".join(present) +
      " | jwtool / floor | jwtool / golang-jwt | jwtool-jwk / golang-jwt |"
      " floor-ossl / golang-jwt |")
print("|---|" + "---|" * (len(present) + 4))
for cell, res in rows:
    cells = ["%.2f" % res[t] if t in res else "n/a" for t in present]
    main = next((res[t] for t in ("jwtool", "jwtool-decode") if t in res), None)
    fl = "%.2f" % (main / res["floor"]) if main and "floor" in res else "n/a"
    go = "%.2f" % (main / res["golang-jwt"]) if main and "golang-jwt" in res else "n/a"
    jg = ("%.2f" % (res["jwtool-jwk"] / res["golang-jwt"])
          if "jwtool-jwk" in res and "golang-jwt" in res else "n/a")
    fo = ("%.2f" % (res["floor-ossl"] / res["golang-jwt"])
          if "floor-ossl" in res and "golang-jwt" in res else "n/a")
    print("| %s | %s | %s | %s | %s | %s |" % (cell, " | ".join(cells), fl, go,
                                              jg, fo))
