//! Base64 (RFC 4648), written once for the project: the share link's url-safe alphabet without
//! padding (§5, `src/share.rs`) and the standard alphabet with padding (§4), which Subresource
//! Integrity values use (`cargo xtask build`).

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn encode(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
        if pad {
            for _ in chars..4 {
                out.push('=');
            }
        }
    }
    out
}

/// RFC 4648 §5 base64url, without padding (the share link's `#s=…`).
pub fn url_encode(bytes: &[u8]) -> String {
    encode(bytes, URL_SAFE, false)
}

/// RFC 4648 §4 standard base64, with padding (SRI's `sha384-…`).
pub fn standard_encode(bytes: &[u8]) -> String {
    encode(bytes, STANDARD, true)
}

/// Decode base64url; padding `=` tolerated at the end; any other character → `None`.
pub fn url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4648 §10's test vectors.
    const VECTORS: [(&str, &str); 7] = [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ];

    #[test]
    fn standard_matches_rfc_4648_vectors() {
        for (plain, enc) in VECTORS {
            assert_eq!(standard_encode(plain.as_bytes()), enc);
        }
        assert_eq!(standard_encode(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn url_matches_rfc_4648_vectors_without_padding() {
        for (plain, padded) in VECTORS {
            let enc = padded.trim_end_matches('=');
            assert_eq!(url_encode(plain.as_bytes()), enc);
            assert_eq!(url_decode(enc).unwrap(), plain.as_bytes());
            assert_eq!(url_decode(padded).unwrap(), plain.as_bytes());
        }
        assert_eq!(url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(url_decode("-_8").unwrap(), [0xfb, 0xff]);
    }

    #[test]
    fn url_round_trip_all_bytes() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        for n in 0..bytes.len() {
            assert_eq!(url_decode(&url_encode(&bytes[..n])).unwrap(), &bytes[..n]);
        }
    }

    #[test]
    fn url_decode_refuses_other_characters_and_lengths() {
        for bad in ["%%%", "A", "Zm9v+", "Zm9v/", "Zm 9v", "Zm9vY"] {
            assert_eq!(url_decode(bad), None, "{bad:?}");
        }
    }
}
