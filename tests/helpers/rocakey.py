#!/usr/bin/env python3
"""rocakey.py - RSA keys with the ROCA fingerprint (CVE-2017-15361).

  rocakey.py BITS SEED > KEY.pem    a PKCS#8 private key of BITS bits
  rocakey.py --modulus BITS SEED    its modulus n, in hex

Infineon's RSALib made each prime p as k * M + (65537^a mod M), M the
product of the first primes (39 of them, up to 167, for 512 to 960-bit
keys; 71, up to 353, to 1952 bits; 126, up to 701, to 3936 bits; 225,
up to 1427, above), as
described by Nemec et al., "The Return of Coppersmith's Attack" (CCS 2017).
Such primes are made here the same way, from a seeded generator, so that
the same arguments always give the same key.  A test key only: anyone who
runs this knows its private part.
"""
import random
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

E = 65537


def primes_upto(n):
    return [p for p in range(2, n + 1)
            if all(p % d for d in range(2, int(p ** 0.5) + 1))]


def primorial_bound(bits):
    if bits < 992:
        return 167
    if bits < 1984:
        return 353
    if bits < 3968:
        return 701
    return 1427


def probably_prime(n, rng, rounds=48):
    """Miller-Rabin with random bases."""
    if n < 4:
        return n in (2, 3)
    for p in primes_upto(100):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for _ in range(rounds):
        x = pow(rng.randrange(2, n - 1), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def roca_prime(half, m, rng):
    """A prime of exactly half bits, the top two set, of RSALib's form."""
    lo, hi = 3 << (half - 2), (1 << half) - 1
    while True:
        k = rng.randrange(lo // m, hi // m)
        p = k * m + pow(E, rng.randrange(1, 1 << 62), m)
        if lo <= p <= hi and p % E != 1 and probably_prime(p, rng):
            return p


def roca_key(bits, seed):
    rng = random.Random(seed)
    m = 1
    for p in primes_upto(primorial_bound(bits)):
        m *= p
    while True:
        p = roca_prime(bits // 2, m, rng)
        q = roca_prime(bits // 2, m, rng)
        if p != q and (p * q).bit_length() == bits:
            return p, q


def main(argv):
    mod_only = argv[:1] == ["--modulus"]
    if mod_only:
        argv = argv[1:]
    if len(argv) != 2:
        sys.exit("usage: rocakey.py [--modulus] BITS SEED")
    bits, seed = int(argv[0]), argv[1]
    p, q = roca_key(bits, seed)
    n = p * q
    if mod_only:
        print("%x" % n)
        return
    d = pow(E, -1, (p - 1) * (q - 1))
    key = rsa.RSAPrivateNumbers(
        p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p),
        rsa.RSAPublicNumbers(E, n)).private_key()
    sys.stdout.write(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()).decode())


if __name__ == "__main__":
    main(sys.argv[1:])
