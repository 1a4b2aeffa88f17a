//! The JSON the rules read (session files, situations) and write (situations), by hand.
//!
//! Why not serde_json: its parser, its float tables and its `BTreeMap` were ~20 KB of the
//! browser's wasm for two small documents (docs/adr/0008). This reader follows RFC 8259
//! strictly, like serde_json: no comments, no trailing commas, no leading zeros, control
//! characters escaped, surrogate pairs checked, at most 127 levels deep (so a hostile share
//! link cannot exhaust the stack). Numbers keep their text: nothing here needs a float, and
//! a whole number written `48.0` is recognised exactly, without rounding.

/// A parsed JSON value. Objects keep their members as written, in document order, a repeated
/// key included: [`Map::get`] reads its last value (as serde_json does), and
/// [`Map::repeated`] finds the repetitions, which the readers report as problems.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number as written (validated against the grammar).
#[derive(Debug, Clone, PartialEq)]
pub struct Number(String);

/// A JSON object: its members as written, in document order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    /// The value of `key`; the last one when the key is repeated (as serde_json reads it).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    /// The keys as written (a repeated key as many times as it is written).
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// For each member in document order, whether its key was already written before it in
    /// this object. Sorting indices keeps this O(n log n): a hostile file with 100,000 keys
    /// must not freeze the page.
    pub fn repeated(&self) -> Vec<bool> {
        let members = &self.0;
        let mut order: Vec<usize> = (0..members.len()).collect();
        crate::small_sort::merge_sort_by(&mut order, |a, b| members[*a].0 < members[*b].0);
        let mut repeated = vec![false; members.len()];
        for group in order.chunk_by(|a, b| members[*a].0 == members[*b].0) {
            for i in &group[1..] {
                repeated[*i] = true;
            }
        }
        repeated
    }
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => m.get(key),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// An integer written without fraction or exponent (like serde_json's `as_i64`).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.0.parse().ok(),
            _ => None,
        }
    }
    /// A non-negative integer written without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.0.parse().ok(),
            _ => None,
        }
    }
    /// A whole number ≤ `max`, however written (`48`, `48.0`, `4.8e1`); exact, no rounding.
    pub fn as_whole(&self, max: u64) -> Option<u64> {
        match self {
            Value::Number(n) => n.whole(max),
            _ => None,
        }
    }
}

impl Number {
    fn whole(&self, max: u64) -> Option<u64> {
        let text = self.0.as_str();
        if let Some(magnitude) = text.strip_prefix('-') {
            // -0, -0.0 are zero; any other negative is not a count.
            return magnitude
                .bytes()
                .all(|b| matches!(b, b'0' | b'.' | b'e' | b'E' | b'+' | b'-'))
                .then_some(0);
        }
        let mantissa_end = text.find(['e', 'E']).unwrap_or(text.len());
        if text[..mantissa_end]
            .bytes()
            .all(|b| matches!(b, b'0' | b'.'))
        {
            return Some(0); // zero, whatever the exponent (even one beyond i64)
        }
        let exponent = match text.get(mantissa_end + 1..) {
            Some(e) => e.parse::<i64>().ok()?,
            None => 0,
        };
        let mantissa = &text[..mantissa_end];
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        // digits × 10^(exponent − fraction length), as a decimal string shifted by hand.
        let digits: String = int.chars().chain(frac.chars()).collect();
        let shift = exponent.checked_sub(i64::try_from(frac.len()).ok()?)?;
        let digits = digits.trim_start_matches('0');
        if digits.is_empty() {
            return Some(0);
        }
        let value_digits = if shift >= 0 {
            // `shift > 20` first: the sum could overflow for an exponent near i64::MAX.
            if shift > 20 || digits.len() as i64 + shift > 20 {
                return None;
            }
            let mut s = digits.to_string();
            s.extend(std::iter::repeat_n('0', shift as usize));
            s
        } else {
            let cut = usize::try_from(shift.checked_neg()?).ok()?;
            if cut >= digits.len() {
                return None; // 0 < value < 1: not whole (zero was handled above)
            }
            let (keep, dropped) = digits.split_at(digits.len() - cut);
            if dropped.bytes().any(|b| b != b'0') {
                return None;
            }
            keep.to_string()
        };
        value_digits.parse::<u64>().ok().filter(|v| *v <= max)
    }
}

/// Where the text stops being JSON: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
}

/// The nesting a document may have: serde_json refuses the 128th level too.
const MAX_DEPTH: usize = 127;

/// Parses one JSON document (surrounding whitespace allowed, nothing else). A leading byte
/// order mark is skipped: Windows editors write one, and the exam office must not be told
/// that a file it cannot see anything wrong in is not JSON.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: start,
    };
    let value = p.value(0);
    let value = value.and_then(|v| {
        p.skip_whitespace();
        if p.at == p.bytes.len() {
            Ok(v)
        } else {
            Err(())
        }
    });
    value.map_err(|()| p.error())
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn error(&self) -> SyntaxError {
        let mut at = self.at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        // A leading byte order mark is not a column the editor shows.
        let bom = if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let line_start = before.rfind('\n').map_or(bom.min(before.len()), |i| i + 1);
        SyntaxError {
            line,
            column: before[line_start..].chars().count() + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Result<(), ()> {
        if self.peek() == Some(b) {
            self.at += 1;
            Ok(())
        } else {
            Err(())
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, ()> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, ()> {
        self.skip_whitespace();
        match self.peek().ok_or(())? {
            b'n' => self.literal("null", Value::Null),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' => {
                if depth >= MAX_DEPTH {
                    return Err(());
                }
                self.at += 1;
                let mut items = Vec::new();
                self.skip_whitespace();
                if self.eat(b']').is_ok() {
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.skip_whitespace();
                    if self.eat(b']').is_ok() {
                        return Ok(Value::Array(items));
                    }
                    self.eat(b',')?;
                }
            }
            b'{' => {
                if depth >= MAX_DEPTH {
                    return Err(());
                }
                self.at += 1;
                let mut members = Vec::new();
                self.skip_whitespace();
                if self.eat(b'}').is_ok() {
                    return Ok(Value::Object(Map::default()));
                }
                loop {
                    self.skip_whitespace();
                    if self.peek() != Some(b'"') {
                        return Err(());
                    }
                    let key = self.string()?;
                    self.skip_whitespace();
                    self.eat(b':')?;
                    let value = self.value(depth + 1)?;
                    members.push((key, value));
                    self.skip_whitespace();
                    if self.eat(b'}').is_ok() {
                        return Ok(Value::Object(Map(members)));
                    }
                    self.eat(b',')?;
                }
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(()),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, ()> {
        let start = self.at;
        let _ = self.eat(b'-');
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(()),
        }
        if self.eat(b'.').is_ok() && self.digits() == 0 {
            return Err(());
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(());
            }
        }
        Ok(Value::Number(Number(self.text[start..self.at].to_string())))
    }

    fn hex4(&mut self) -> Result<u32, ()> {
        let hex = self.text.get(self.at..self.at + 4).ok_or(())?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(());
        }
        self.at += 4;
        u32::from_str_radix(hex, 16).map_err(|_| ())
    }

    fn string(&mut self) -> Result<String, ()> {
        self.eat(b'"')?;
        let mut out = String::new();
        loop {
            // Copy the run of plain characters at once (always whole UTF-8 sequences).
            let Some(run) = self.bytes[self.at..]
                .iter()
                .position(|b| matches!(b, b'"' | b'\\' | 0..=0x1f))
            else {
                self.at = self.bytes.len(); // unterminated: the error is at the end
                return Err(());
            };
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run;
            match self.bytes[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let c = self.peek().ok_or(())?;
                    self.at += 1;
                    out.push(match c {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                self.eat(b'\\')?;
                                self.eat(b'u')?;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(());
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            char::from_u32(code).ok_or(())?
                        }
                        _ => return Err(()),
                    });
                }
                _ => return Err(()), // a raw control character
            }
        }
    }
}

/// Appends `s` as a JSON string, escaped as serde_json does (quotes, backslash, controls).
pub fn push_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json (a dev-dependency) is the oracle: same verdict, same values.
    fn check(text: &str) {
        let ours = parse(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        assert_eq!(
            ours.is_ok(),
            theirs.is_ok(),
            "{text:?}: {ours:?} vs {theirs:?}"
        );
        if let (Ok(a), Ok(b)) = (ours, theirs) {
            assert_eq!(to_serde(&a), b, "{text:?}");
        }
    }

    fn to_serde(v: &Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::from_str(&n.0).unwrap(),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(a) => serde_json::Value::Array(a.iter().map(to_serde).collect()),
            Value::Object(m) => {
                serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect())
            }
        }
    }

    #[test]
    fn agrees_with_serde_json() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "12",
            "-3.25",
            "1e3",
            "1E+2",
            "2.5e-3",
            "\"\"",
            "\"é\\u00e9\\n\\\"\\\\\\/\"",
            "\"\\ud83d\\ude00\"",
            "[]",
            "[1, [2, {}]]",
            "{}",
            "{\"a\": 1, \"b\": [true, null], \"a\": 2}",
            " {\"k\":\"v\"} \n",
            // refused
            "",
            " ",
            "nul",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "[1 2]",
            "{\"a\" 1}",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"a\nb\"",
            "\"abc",
            "[",
            "{",
            "1 2",
            "// c\n1",
            "tru",
            "NaN",
            "\"\\u12\"",
        ] {
            check(text);
        }
    }

    #[test]
    fn repeated_keys_are_kept_as_written_and_found() {
        let v = parse(r#"{"b": 1, "a": 2, "b": 3, "c": 4, "b": 5, "a": 6}"#).unwrap();
        let Value::Object(m) = v else { panic!() };
        let keys: Vec<&str> = m.keys().map(String::as_str).collect();
        assert_eq!(keys, ["b", "a", "b", "c", "b", "a"]);
        // The last value is read, as serde_json reads it.
        assert_eq!(m.get("b").and_then(Value::as_u64), Some(5));
        assert_eq!(m.get("a").and_then(Value::as_u64), Some(6));
        // Each later occurrence is found, in document order.
        assert_eq!(m.repeated(), [false, false, true, false, true, true]);
        let Value::Object(m) = parse(r#"{"a": {"x": 1, "x": 2}, "b": 1}"#).unwrap() else {
            panic!()
        };
        assert_eq!(m.repeated(), [false, false]);
        let Some(Value::Object(inner)) = m.get("a") else {
            panic!()
        };
        assert_eq!(inner.repeated(), [false, true]);
        // Many keys stay fast (a quadratic search took seconds here).
        let many = format!(
            "{{{}}}",
            (0..100_000)
                .map(|i| format!("\"k{i}\":{i}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let Value::Object(m) = parse(&many).unwrap() else {
            panic!()
        };
        assert_eq!(m.len(), 100_000);
        assert!(m.repeated().iter().all(|r| !r));
        assert_eq!(m.get("k99999").and_then(Value::as_u64), Some(99_999));
    }

    #[test]
    fn depth_is_limited_like_serde_json() {
        check(&format!("{}{}", "[".repeat(127), "]".repeat(127)));
        check(&format!("{}{}", "[".repeat(128), "]".repeat(128)));
        assert!(parse(&"[".repeat(100_000)).is_err());
    }

    #[test]
    fn a_byte_order_mark_is_not_an_error() {
        assert_eq!(
            parse("\u{feff}{\"a\": 1}")
                .unwrap()
                .get("a")
                .and_then(Value::as_u64),
            Some(1)
        );
        assert!(parse("\u{feff}").is_err());
        assert!(parse("1\u{feff}").is_err());
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            parse("{\n  \"a\": tru\n}").unwrap_err(),
            SyntaxError { line: 2, column: 8 }
        );
        assert_eq!(
            parse("[1,]").unwrap_err(),
            SyntaxError { line: 1, column: 4 }
        );
        assert_eq!(
            parse("\"é").unwrap_err(),
            SyntaxError { line: 1, column: 3 }
        );
        assert_eq!(
            parse("\u{feff}[1,]").unwrap_err(),
            SyntaxError { line: 1, column: 4 }
        );
    }

    #[test]
    fn whole_numbers_are_exact() {
        let whole = |t: &str| parse(t).unwrap().as_whole(1_000_000_000_000_000);
        assert_eq!(whole("48"), Some(48));
        assert_eq!(whole("48.0"), Some(48));
        assert_eq!(whole("4.8e1"), Some(48));
        assert_eq!(whole("4800e-2"), Some(48));
        assert_eq!(whole("0.0"), Some(0));
        assert_eq!(whole("-0.0"), Some(0));
        assert_eq!(whole("4.5"), None);
        assert_eq!(whole("-1"), None);
        assert_eq!(whole("-1.0"), None);
        assert_eq!(whole("1e300"), None);
        assert_eq!(whole("1e-300"), None);
        assert_eq!(whole("1e15"), Some(1_000_000_000_000_000));
        assert_eq!(whole("1.000000000000001e15"), None);
        assert_eq!(whole("99999999999999999999999"), None);
        assert_eq!(whole("1e9223372036854775807"), None);
        assert_eq!(whole("1e-9223372036854775808"), None);
        assert_eq!(whole("1.5e9223372036854775807"), None);
        assert_eq!(whole("1e99999999999999999999"), None);
        assert_eq!(whole("0e99999999999999999999"), Some(0));
        assert_eq!(whole("0.000e-5"), Some(0));
        assert_eq!(parse("2023").unwrap().as_i64(), Some(2023));
        assert_eq!(parse("2023.0").unwrap().as_i64(), None);
        assert_eq!(parse("-5").unwrap().as_u64(), None);
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        for s in [
            "",
            "plain",
            "é ☐ 😀",
            "q\"b\\s/",
            "\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}",
        ] {
            let mut ours = String::new();
            push_string(&mut ours, s);
            assert_eq!(ours, serde_json::to_string(s).unwrap());
            assert_eq!(parse(&ours).unwrap(), Value::String(s.to_string()));
        }
    }
}
