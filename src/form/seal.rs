//! A form's identity, sealed. The hidden sheet says whose form it is, for
//! which period and plan, and which rows it has; a unit (or anyone the file
//! passes through) could relabel it as another unit's or another period's.
//! The sheet therefore carries a seal: an HMAC-SHA-256 of its fields under a
//! key the office keeps beside the plan but outside it and outside git
//! (`.ddci/form-key`, with a `.gitignore` of its own). `ddci import`
//! refuses a workbook whose seal does not match its fields.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The identity fields the seal covers, in order.
pub const SEALED_FIELDS: [&str; 9] = [
    "form", "version", "title", "agency", "province", "year", "unit", "period", "keys",
];

/// The identity sheet's row holding the seal.
pub const SEAL_FIELD: &str = "seal";

/// The office's key for sealing forms.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Key(…)")
    }
}

/// Where the key of the plan at `plan_path` is kept.
pub fn key_path(plan_path: &Path) -> PathBuf {
    crate::write::own_folder::path(plan_path).join("form-key")
}

/// The key, made the first time forms are made for the plan.
pub fn load_or_create(plan_path: &Path) -> anyhow::Result<Key> {
    if let Some(key) = load(plan_path)? {
        return Ok(key);
    }
    crate::write::own_folder::make(plan_path)?;
    let path = key_path(plan_path);
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| {
        anyhow::anyhow!(crate::say!(
            "không lấy được số ngẫu nhiên để tạo khóa biểu mẫu: {error}",
            "no randomness for the form key: {error}"
        ))
    })?;
    let hex = to_hex(&bytes);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    match options.open(&path) {
        Ok(mut file) => {
            file.write_all(format!("{hex}\n").as_bytes())
                .and_then(|()| file.sync_all())
                .map_err(|error| {
                    let error = crate::words::speech::io_error(&error);
                    anyhow::anyhow!(crate::say!(
                        "không ghi được `{}`: {error}",
                        "cannot write `{}`: {error}",
                        crate::words::visible::path(&path)
                    ))
                })?;
            Ok(Key(bytes))
        }
        // Another `ddci form` made it meanwhile: use theirs.
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => load(plan_path)?
            .ok_or_else(|| {
                anyhow::anyhow!(crate::say!(
                    "không đọc được `{}`",
                    "cannot read `{}`",
                    crate::words::visible::path(&path)
                ))
            }),
        Err(error) => {
            let error = crate::words::speech::io_error(&error);
            Err(anyhow::anyhow!(crate::say!(
                "không ghi được `{}`: {error}",
                "cannot write `{}`: {error}",
                crate::words::visible::path(&path)
            )))
        }
    }
}

/// The key, if forms were made for the plan here.
pub fn load(plan_path: &Path) -> anyhow::Result<Option<Key>> {
    use crate::read::ordinary_file::{self, Unread};
    let path = key_path(plan_path);
    crate::write::own_folder::refuse_a_stand_in(plan_path)?;
    let shown = crate::words::visible::path(&path);
    // A key is 65 bytes; a pipe, a device or a link to one is no key.
    let text = match ordinary_file::read(&path, 1024) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(Unread::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(Unread::Io(error)) => {
            let error = crate::words::speech::io_error(&error);
            anyhow::bail!(crate::say!(
                "không đọc được `{shown}`: {error}",
                "cannot read `{shown}`: {error}"
            ))
        }
        Err(Unread::NotOrdinary | Unread::TooLarge(_)) => anyhow::bail!(crate::say!(
            "`{shown}` không phải khóa biểu mẫu (64 chữ số hệ mười sáu)\ngợi ý: khôi phục nó từ máy đã lập biểu mẫu",
            "`{shown}` is not a form key (64 hexadecimal digits)\nhelp: restore it from the machine that made the forms"
        )),
    };
    refuse_a_shared_key(&path)?;
    let bytes = from_hex(text.trim()).ok_or_else(|| {
        anyhow::anyhow!(crate::say!(
            "`{}` không phải khóa biểu mẫu (64 chữ số hệ mười sáu)\ngợi ý: khôi phục nó từ máy đã lập biểu mẫu", "`{}` is not a form key (64 hexadecimal digits)\nhelp: restore it from the machine that made the forms",
            crate::words::visible::path(&path)
        ))
    })?;
    Ok(Some(Key(bytes)))
}

/// The seal of the identity `fields` (looked up by name; a missing field
/// is empty).
pub fn seal(key: &Key, fields: &dyn Fn(&str) -> String) -> String {
    to_hex(&mac(key, fields).finalize().into_bytes())
}

/// Whether `seal` is the seal of `fields` under `key` (compared in
/// constant time).
pub fn verify(key: &Key, fields: &dyn Fn(&str) -> String, seal: &str) -> bool {
    from_hex_any(seal.trim()).is_some_and(|bytes| mac(key, fields).verify_slice(&bytes).is_ok())
}

fn mac(key: &Key, fields: &dyn Fn(&str) -> String) -> Hmac<Sha256> {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(&key.0).expect("HMAC takes a key of any size");
    for name in SEALED_FIELDS {
        let value = fields(name);
        // Each field with its length: no two identities read the same.
        mac.update(format!("{name}:{}:", value.len()).as_bytes());
        mac.update(value.as_bytes());
        mac.update(b"\n");
    }
    mac
}

fn to_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut out, byte| {
        let _ = write!(out, "{byte:02x}");
        out
    })
}

fn from_hex_any(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&text[at..at + 2], 16).ok())
        .collect()
}

fn from_hex(text: &str) -> Option<[u8; 32]> {
    from_hex_any(text)?.try_into().ok()
}

/// A key others can read is a key others may have: one committed to git
/// (checked out readable by all) lets anyone seal a form in any unit's name.
#[cfg(unix)]
fn refuse_a_shared_key(path: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(path).map(|metadata| metadata.permissions().mode());
    if mode.is_ok_and(|mode| mode & 0o077 != 0) {
        let shown = crate::words::visible::path(path);
        anyhow::bail!(crate::say!(
            "`{shown}` đọc được bởi người khác: ai có khóa này đều niêm phong được biểu mẫu nhân danh bất kỳ đơn vị nào\ngợi ý: nếu khóa chưa từng bị lộ, chạy `chmod 600 {shown}`; nếu đã bị lộ (ví dụ đã commit vào git), xóa tệp này và lập lại biểu mẫu",
            "`{shown}` can be read by others: whoever has it can seal a form in any unit's name\nhelp: if it was never shared, `chmod 600 {shown}`; if it was (committed to git, say), delete it and make the forms again"
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_a_shared_key(_path: &Path) -> anyhow::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seal_binds_every_field() {
        let key = Key([7; 32]);
        let fields = |name: &str| match name {
            "unit" => "thanh-tra".to_owned(),
            "period" => "2024-Q2".to_owned(),
            "keys" => "1.1\n7.2".to_owned(),
            other => format!("{other}-value"),
        };
        let sealed = seal(&key, &fields);
        assert_eq!(sealed.len(), 64);
        assert!(verify(&key, &fields, &sealed));
        assert!(
            !verify(&Key([8; 32]), &fields, &sealed),
            "another office's key"
        );
        for changed in SEALED_FIELDS {
            let relabelled = |name: &str| {
                if name == changed {
                    format!("{}x", fields(name))
                } else {
                    fields(name)
                }
            };
            assert!(!verify(&key, &relabelled, &sealed), "{changed}");
        }
        // A field's end moved into the next is another identity.
        let shifted = |name: &str| match name {
            "unit" => "thanh-tra2024-Q2".to_owned(),
            "period" => String::new(),
            other => fields(other),
        };
        assert!(!verify(&key, &shifted, &sealed));
        for broken in ["", "zz", &sealed[..63], "é"] {
            assert!(!verify(&key, &fields, broken), "{broken}");
        }
    }
}
