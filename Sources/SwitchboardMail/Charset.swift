import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text in the charsets mail is written in, decoded to Swift strings. The C library's iconv
/// does the converting (glibc knows every charset mail uses); names and aliases as senders write
/// them are mapped to the names iconv knows, and mislabelled charsets to the superset that
/// senders actually used (GB2312 is written as GBK, ISO-8859-1 as Windows-1252, …).
public enum Charset {
    /// Decodes `bytes` from the charset called `name`. Unknown or missing charsets, and bytes
    /// that are not valid in the named one, fall back to UTF-8 when valid, else Windows-1252,
    /// which maps every byte: text is never lost.
    public static func decode(_ bytes: some Collection<UInt8>, charset name: String?) -> String {
        let bytes = Array(bytes)
        if bytes.allSatisfy({ $0 < 0x80 }), !isSevenBitStateful(name) { return String(decoding: bytes, as: UTF8.self) }
        if let iconvName = iconvName(for: name) {
            if iconvName == "UTF-8" {
                // Mail labelled UTF-8 that is not is usually Windows-1252: the fallback reads it.
                if let text = String(validating: bytes, as: UTF8.self) { return text }
            } else if iconvName == "WINDOWS-1252" {
                return fallback(bytes)
            } else if let text = convert(bytes, from: iconvName) ?? convert(bytes, from: iconvName, lenient: true) {
                return text
            }
        }
        return fallback(bytes)
    }

    /// Bytes of unknown charset: UTF-8 when they are valid UTF-8, else Windows-1252.
    public static func fallback(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Windows-1252 leaves five bytes undefined; ISO-8859-1 reads every byte.
        return convert(bytes, from: "WINDOWS-1252") ?? convert(bytes, from: "ISO-8859-1") ?? String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the charset is a 7-bit encoding with escape sequences (plain ASCII is not text as is).
    private static func isSevenBitStateful(_ name: String?) -> Bool {
        guard let name = name?.lowercased() else { return false }
        return name.hasPrefix("iso-2022") || name == "utf-7" || name == "hz-gb-2312"
    }

    /// The iconv name for a charset label; nil when it is not one we know.
    static func iconvName(for label: String?) -> String? {
        guard var name = label?.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased(), !name.isEmpty else { return nil }
        name = name.replacingOccurrences(of: "_", with: "-")
        if let alias = aliases[name] { return alias }
        if name.hasPrefix("iso-8859-") || name.hasPrefix("iso8859-") {
            let number = name.split(separator: "-").last.map(String.init) ?? ""
            if number == "1" { return "WINDOWS-1252" }
            return Int(number).map { "ISO-8859-\($0)" }
        }
        if name.hasPrefix("windows-") || name.hasPrefix("cp") || name.hasPrefix("x-cp") {
            let digits = name.filter(\.isNumber)
            if ["1250", "1251", "1252", "1253", "1254", "1255", "1256", "1257", "1258", "874", "866", "850", "437"].contains(digits) {
                return digits.count == 4 ? "WINDOWS-\(digits)" : "CP\(digits)"
            }
        }
        return knownToIconv(name) ? name.uppercased() : nil
    }

    private static let aliases: [String: String] = [
        "utf-8": "UTF-8", "utf8": "UTF-8", "us-ascii": "UTF-8", "ascii": "UTF-8", "ansi-x3.4-1968": "UTF-8", "unicode-1-1-utf-8": "UTF-8",
        "latin1": "WINDOWS-1252", "latin-1": "WINDOWS-1252", "l1": "WINDOWS-1252", "iso-latin-1": "WINDOWS-1252",
        "latin2": "ISO-8859-2", "latin-2": "ISO-8859-2",
        "gb2312": "GBK", "gb-2312": "GBK", "x-gbk": "GBK", "gbk": "GBK", "cp936": "GBK", "euc-cn": "GBK", "gb18030": "GB18030",
        "big5": "BIG5-HKSCS", "big-5": "BIG5-HKSCS", "x-big5": "BIG5-HKSCS", "big5-hkscs": "BIG5-HKSCS",
        "euc-kr": "CP949", "ks-c-5601-1987": "CP949", "ks-c-5601": "CP949", "cp949": "CP949", "x-windows-949": "CP949",
        "shift-jis": "CP932", "sjis": "CP932", "x-sjis": "CP932", "shift-jis-2004": "CP932", "ms-kanji": "CP932", "cp932": "CP932",
        "windows-31j": "CP932",
        "euc-jp": "EUC-JP", "x-euc-jp": "EUC-JP",
        "iso-2022-jp": "ISO-2022-JP-2", "iso-2022-jp-2": "ISO-2022-JP-2", "csiso2022jp": "ISO-2022-JP-2",
        "iso-2022-kr": "ISO-2022-KR",
        "koi8-r": "KOI8-R", "koi8r": "KOI8-R", "koi8-u": "KOI8-U", "koi8-ru": "KOI8-RU",
        "utf-16": "UTF-16", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", "utf-7": "UTF-7",
        "tis-620": "TIS-620", "macintosh": "MACINTOSH", "mac": "MACINTOSH",
    ]

    private static func knownToIconv(_ name: String) -> Bool {
        guard name.count < 40, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return false }
        let cd = iconv_open("UTF-8", name.uppercased())
        if cd == iconv_t(bitPattern: -1) { return false }
        iconv_close(cd)
        return true
    }

    /// Converts with iconv; nil when the charset is unknown or (unless `lenient`) the bytes are
    /// not valid in it. Lenient conversion puts U+FFFD for each byte it cannot read and goes on.
    static func convert(_ bytes: [UInt8], from charset: String, lenient: Bool = false) -> String? {
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var position = 0
        while true {
            let atEnd = position >= input.count
            // One iconv call from `position`; at the end, a call that writes any final shift sequence.
            let (consumed, produced, failed, error) = input.withUnsafeMutableBytes { inBytes in
                chunk.withUnsafeMutableBytes { outBytes -> (Int, Int, Bool, Int32) in
                    var inPointer = inBytes.baseAddress.map { ($0 + position).assumingMemoryBound(to: CChar.self) }
                    var outPointer = outBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var inLeft = inBytes.count - position
                    var outLeft = outBytes.count
                    let result = atEnd ? iconv(cd, nil, nil, &outPointer, &outLeft) : iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                    let consumed = atEnd ? 0 : inBytes.count - position - inLeft
                    return (consumed, outBytes.count - outLeft, result == -1, errno)
                }
            }
            out += chunk[0..<produced]
            position += consumed
            if atEnd { break }
            if failed, error != E2BIG {
                // A byte this charset cannot read (EILSEQ), or a sequence cut off at the end (EINVAL).
                guard lenient else { return nil }
                out += [0xEF, 0xBF, 0xBD]
                position += 1
                _ = iconv(cd, nil, nil, nil, nil)
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
