//! File sizes as readers read them.

/// `1.2 MB`, `350 KB` (KB rounded up, so a small file never shows as 0 KB unless empty).
pub fn file_size(bytes: usize) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes as f64 >= MB {
        format!("{:.1} MB", bytes as f64 / MB)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_as_readers_read_them() {
        assert_eq!(file_size(0), "0 KB");
        assert_eq!(file_size(1), "1 KB");
        assert_eq!(file_size(358_400), "350 KB");
        assert_eq!(file_size(1_258_291), "1.2 MB");
    }
}
