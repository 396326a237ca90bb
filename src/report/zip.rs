//! The zip container of a workbook, written by hand: the zip crate cannot write an entry whose
//! data comes in pieces compressed beforehand (some of them copied from the last build's file)
//! with a CRC combined from theirs. Entries are read back raw from the workbook rust_xlsxwriter
//! made and written again as they are; one of them is given as pieces.
//!
//! The container is plain PKZIP 2.0: local headers with the CRC and sizes (no data
//! descriptors), no extra fields, no zip64 (so every size and offset stays below 4 GB), no
//! comments. It depends only on the entries, so the same entries give the same bytes.

use std::io::{self, Read};

/// Everything about an entry but its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub name: String,
    /// 0 stored, 8 deflated.
    pub method: u16,
    /// MS-DOS time and date.
    pub time: u16,
    pub date: u16,
    pub crc: u32,
    pub compressed: u64,
    pub size: u64,
    pub external_attributes: u32,
}

/// An entry as stored: its header and its data, compressed.
#[derive(Debug)]
pub struct Entry {
    pub header: Header,
    pub data: Vec<u8>,
}

/// The entries of the zip archive in `bytes`, in their order, with their data as stored.
pub fn read(bytes: &[u8]) -> zip::result::ZipResult<Vec<Entry>> {
    let mut archive = zip::ZipArchive::new(io::Cursor::new(bytes))?;
    let mut entries = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut f = archive.by_index_raw(i)?;
        let method = match f.compression() {
            zip::CompressionMethod::Stored => 0,
            zip::CompressionMethod::Deflated => 8,
            _ => {
                let what = "a workbook entry neither stored nor deflated";
                return Err(zip::result::ZipError::UnsupportedArchive(what));
            }
        };
        let (time, date) = f.last_modified().map_or((0, 0x21), |t| (t.timepart(), t.datepart()));
        let header = Header {
            name: f.name()?.into_owned(),
            method,
            time,
            date,
            crc: f.crc32(),
            compressed: f.compressed_size(),
            size: f.size(),
            external_attributes: f.external_attributes(),
        };
        let mut data = Vec::with_capacity(usize::try_from(header.compressed).unwrap_or(0));
        f.read_to_end(&mut data)?;
        entries.push(Entry { header, data });
    }
    Ok(entries)
}

/// PKZIP 2.0, the version that brought deflate.
const VERSION: u16 = 20;
/// Made on Unix (for the permissions in the external attributes), PKZIP 2.0.
const MADE_BY: u16 = (3 << 8) | VERSION;

fn too_big(what: &str) -> io::Error {
    io::Error::other(format!("{what} does not fit a zip file without zip64"))
}

fn u32_of(v: u64, what: &str) -> io::Result<u32> {
    u32::try_from(v).ok().filter(|&v| v != u32::MAX).ok_or_else(|| too_big(what))
}

fn u16_of(v: usize, what: &str) -> io::Result<u16> {
    u16::try_from(v).ok().filter(|&v| v != u16::MAX).ok_or_else(|| too_big(what))
}

/// The fields that the local and the central header share, from "version needed" on.
fn common(out: &mut Vec<u8>, h: &Header) -> io::Result<()> {
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // flags
    out.extend_from_slice(&h.method.to_le_bytes());
    out.extend_from_slice(&h.time.to_le_bytes());
    out.extend_from_slice(&h.date.to_le_bytes());
    out.extend_from_slice(&h.crc.to_le_bytes());
    out.extend_from_slice(&u32_of(h.compressed, &h.name)?.to_le_bytes());
    out.extend_from_slice(&u32_of(h.size, &h.name)?.to_le_bytes());
    out.extend_from_slice(&u16_of(h.name.len(), "a name")?.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
    Ok(())
}

/// The local header of an entry, to be followed by its data.
pub fn local_header(h: &Header) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(30 + h.name.len());
    out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    common(&mut out, h)?;
    out.extend_from_slice(h.name.as_bytes());
    Ok(out)
}

/// The central directory and its end record, for entries whose local headers start at the given
/// offsets; `at` is where the directory starts.
pub fn directory(entries: &[(Header, u64)], at: u64) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for (h, offset) in entries {
        out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        out.extend_from_slice(&MADE_BY.to_le_bytes());
        common(&mut out, h)?;
        out.extend_from_slice(&0u16.to_le_bytes()); // comment length
        out.extend_from_slice(&0u16.to_le_bytes()); // disk number
        out.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        out.extend_from_slice(&h.external_attributes.to_le_bytes());
        out.extend_from_slice(&u32_of(*offset, "the workbook")?.to_le_bytes());
        out.extend_from_slice(h.name.as_bytes());
    }
    let n = u16_of(entries.len(), "the number of entries")?;
    let size = u32_of(out.len() as u64, "the central directory")?;
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // this disk
    out.extend_from_slice(&0u16.to_le_bytes()); // the directory's disk
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&u32_of(at, "the workbook")?.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    Ok(out)
}

/// Raw deflate data of `input` from a fresh compressor: ending with a sync flush (byte-aligned,
/// not final, so that more deflate data can follow) or finished (the end of the stream).
pub fn deflate(input: &[u8], level: u32, finish: bool) -> io::Result<Vec<u8>> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    let flush = if finish { FlushCompress::Finish } else { FlushCompress::Sync };
    let mut c = Compress::new(Compression::new(level), false);
    let mut out = Vec::with_capacity(input.len() / 3 + 64);
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(4096));
        }
        let done = usize::try_from(c.total_in()).unwrap_or(usize::MAX).min(input.len());
        let status = c.compress_vec(&input[done..], &mut out, flush).map_err(io::Error::other)?;
        let all_in = usize::try_from(c.total_in()).is_ok_and(|n| n == input.len());
        // Done when the stream has ended, or (a sync flush) when all the input is in and the
        // compressor stopped with room to spare, its flush complete.
        if status == Status::StreamEnd || (!finish && all_in && out.len() < out.capacity()) {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_deflated_apart_make_one_stream() {
        let parts: [&[u8]; 4] = [b"<head>", &b"row ".repeat(5000), b"", b"</tail>"];
        let mut data = Vec::new();
        for (i, p) in parts.iter().enumerate() {
            data.extend(deflate(p, 1, i == parts.len() - 1).unwrap());
        }
        let mut back = Vec::new();
        flate2::read::DeflateDecoder::new(&data[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, parts.concat());
    }

    #[test]
    fn entries_read_back_as_written() {
        let body = b"hello hello hello".repeat(20);
        let data = deflate(&body, 6, true).unwrap();
        let stored = b"plain".to_vec();
        let mk = |name: &str, method, crc, data: &[u8], size: usize| Header {
            name: name.into(),
            method,
            time: 0,
            date: 0x21,
            crc,
            compressed: data.len() as u64,
            size: size as u64,
            external_attributes: 0o100600 << 16,
        };
        let a = mk("a/x.xml", 8, crc32fast::hash(&body), &data, body.len());
        let b = mk("b.txt", 0, crc32fast::hash(&stored), &stored, stored.len());
        let mut file = local_header(&a).unwrap();
        file.extend(&data);
        let at_b = file.len() as u64;
        file.extend(local_header(&b).unwrap());
        file.extend(&stored);
        let at = file.len() as u64;
        file.extend(directory(&[(a.clone(), 0), (b.clone(), at_b)], at).unwrap());

        let entries = read(&file).unwrap();
        assert_eq!(entries.iter().map(|e| e.header.clone()).collect::<Vec<_>>(), [a, b]);
        assert_eq!(entries[0].data, data);
        let mut archive = zip::ZipArchive::new(io::Cursor::new(&file)).unwrap();
        let mut text = Vec::new();
        archive.by_name("a/x.xml").unwrap().read_to_end(&mut text).unwrap();
        assert_eq!(text, body, "and the CRC checks");
    }
}
