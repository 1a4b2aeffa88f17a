//! Arbitrary bytes (lossy UTF-8) as the page's URL fragment: decoding never panics; a
//! fragment that decodes re-encodes to one that decodes to the same situation. Also the
//! base64url codec alone: decode → encode → decode is the identity on bytes.
#![no_main]

use candidat::share::{base64url_decode, base64url_encode, decode_fragment, encode_fragment};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    if let Some(bytes) = base64url_decode(&fragment) {
        let enc = base64url_encode(&bytes);
        assert_eq!(base64url_decode(&enc).as_deref(), Some(&bytes[..]), "base64url round trip");
    }
    let session = &common::sessions()[0];
    let Ok(situation) = decode_fragment(&fragment, session) else { return };
    let again = encode_fragment(&situation, session);
    assert_eq!(decode_fragment(&again, session), Ok(situation), "share fragment round trip: {again}");
});
