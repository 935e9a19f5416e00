#!/usr/bin/env python3
"""keytool.py - test helper independent of jwtool (pyca/cryptography).

  keytool.py jwk [--public] PEM     print the JWK of a PEM key
  keytool.py raw2der < RAW > DER    ECDSA R || S to a DER signature
  keytool.py der2raw N < DER > RAW  DER ECDSA signature to R || S, N each
"""
import base64
import json
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa


def b64(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def uint(n, size=None):
    if size is None:
        size = max(1, (n.bit_length() + 7) // 8)
    return b64(n.to_bytes(size, "big"))


CURVES = {"secp256r1": ("P-256", 32), "secp384r1": ("P-384", 48),
          "secp521r1": ("P-521", 66), "secp256k1": ("secp256k1", 32)}


def jwk(path, public):
    data = open(path, "rb").read()
    try:
        key = serialization.load_pem_private_key(data, None)
        pub = key.public_key()
    except ValueError:
        key, pub, public = None, serialization.load_pem_public_key(data), True
    raw = serialization.Encoding.Raw
    if isinstance(pub, rsa.RSAPublicKey):
        n = pub.public_numbers()
        out = {"kty": "RSA", "n": uint(n.n), "e": uint(n.e)}
        if not public:
            p = key.private_numbers()
            out.update(d=uint(p.d), p=uint(p.p), q=uint(p.q),
                       dp=uint(p.dmp1), dq=uint(p.dmq1), qi=uint(p.iqmp))
    elif isinstance(pub, ec.EllipticCurvePublicKey):
        crv, size = CURVES[pub.curve.name]
        n = pub.public_numbers()
        out = {"kty": "EC", "crv": crv, "x": uint(n.x, size),
               "y": uint(n.y, size)}
        if not public:
            out["d"] = uint(key.private_numbers().private_value, size)
    else:
        crv = "Ed448" if isinstance(pub, ed448.Ed448PublicKey) else "Ed25519"
        out = {"kty": "OKP", "crv": crv,
               "x": b64(pub.public_bytes(raw, serialization.PublicFormat.Raw))}
        if not public:
            out["d"] = b64(key.private_bytes(
                raw, serialization.PrivateFormat.Raw,
                serialization.NoEncryption()))
    print(json.dumps(out, separators=(",", ":")))


def der_int(b):
    b = b.lstrip(b"\0") or b"\0"
    if b[0] & 0x80:
        b = b"\0" + b
    return b"\x02" + der_len(len(b)) + b


def der_len(n):
    return bytes([n]) if n < 0x80 else b"\x81" + bytes([n])


def raw2der():
    raw = sys.stdin.buffer.read()
    half = len(raw) // 2
    body = der_int(raw[:half]) + der_int(raw[half:])
    sys.stdout.buffer.write(b"\x30" + der_len(len(body)) + body)


def der2raw(size):
    der = sys.stdin.buffer.read()
    i = 2 if der[1] < 0x80 else 3
    out = b""
    for _ in range(2):
        assert der[i] == 2
        n = der[i + 1]
        out += der[i + 2:i + 2 + n].lstrip(b"\0").rjust(size, b"\0")
        i += 2 + n
    sys.stdout.buffer.write(out)


if __name__ == "__main__":
    if sys.argv[1] == "jwk":
        public = sys.argv[2] == "--public"
        jwk(sys.argv[-1], public)
    elif sys.argv[1] == "raw2der":
        raw2der()
    elif sys.argv[1] == "der2raw":
        der2raw(int(sys.argv[2]))
    else:
        sys.exit(__doc__)
