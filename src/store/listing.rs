//! The meetings folder's names, kept in the cache (see [`super::cache`]) by the folder's
//! stamp: a name added, removed or renamed — every save of a meeting is a rename — changes
//! the folder's change time, so while its stamp is the same its listing is too. A start
//! of a ten-year group then reads a small cache file instead of listing five hundred
//! names; the folder's stamp is taken before it is listed, so a change while it is listed
//! shows at the next start.

use std::time::SystemTime;

use super::binary::{Reader, Writer};
use super::cache::Stamp;
use super::{Result, Store};

/// Changes whenever the layout of the file changes.
const MAGIC: &[u8] = b"hotseat meetings listing 1\n";
const NAME: &str = "meetings-listing.bin";

impl Store {
    /// [`Store::meetings_listing`], from the cache while the folder is unchanged.
    pub fn meetings_listing_kept(&self) -> Result<Vec<String>> {
        let stamp = Stamp::of_folder(&self.layout.meetings_dir());
        let cache = self.cache();
        if let (Some(s), Some(c)) = (&stamp, cache)
            && let Some(names) = c.read(NAME).and_then(|b| decode(&b, s))
        {
            return Ok(names);
        }
        let names = self.meetings_listing()?;
        if let (Some(s), Some(c)) = (stamp, cache)
            && s.settled(SystemTime::now())
        {
            c.write(NAME, &encode(&s, &names));
        }
        Ok(names)
    }
}

fn encode(stamp: &Stamp, names: &[String]) -> Vec<u8> {
    let mut w = Writer::default();
    w.bytes.extend_from_slice(MAGIC);
    stamp.write(&mut w);
    w.strs(names);
    w.bytes
}

/// The names kept for the folder stamped `stamp`.
fn decode(bytes: &[u8], stamp: &Stamp) -> Option<Vec<String>> {
    let mut r = Reader { bytes: bytes.strip_prefix(MAGIC)? };
    if Stamp::read(&mut r)? != *stamp {
        return None;
    }
    let names = r.strs()?;
    r.bytes.is_empty().then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_other_stamp_and_garbage() {
        let dir = tempfile::tempdir().unwrap();
        let a = Stamp::of_folder(dir.path()).unwrap();
        std::fs::write(dir.path().join("x.json"), b"{}").unwrap();
        let b = Stamp::of_folder(dir.path()).unwrap();
        assert_ne!(a, b, "a new name changes the folder's stamp");
        let names = vec!["2026-11-10.json".to_string(), "2026-11-17.json".to_string()];
        let bytes = encode(&a, &names);
        assert_eq!(decode(&bytes, &a), Some(names));
        assert_eq!(decode(&bytes, &b), None);
        for cut in 0..bytes.len() {
            assert_eq!(decode(&bytes[..cut], &a), None, "cut at {cut}");
        }
    }
}
