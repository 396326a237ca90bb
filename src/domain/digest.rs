//! Keys: short hashes of what a file or a piece is made from, and their hex form.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

/// A map keyed by paths or keys made by kieumau itself: hashed fast (tens of thousands of
/// lookups per build), with no need to resist chosen keys.
pub type FastMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

/// The hash of a file's inputs.
pub type Key = [u8; 16];

/// A key over `parts`, each length-prefixed so that no two part lists collide.
pub fn key(parts: &[&[u8]]) -> Key {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    let full = h.finalize();
    let mut k = [0u8; 16];
    k.copy_from_slice(full.get(..16).unwrap_or(&[0; 16]));
    k
}

/// Bytes as lowercase hex digits (keys, content hashes, tokens).
pub fn hex(k: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(2 * k.len());
    for b in k {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}
