import Foundation

/// Content-Transfer-Encoding decoders, lenient the way real mail needs: characters outside the
/// alphabet are skipped, missing padding is tolerated, and what cannot be decoded is kept.
public enum TransferEncoding {
    /// Decodes the body of a part by its Content-Transfer-Encoding (7bit, 8bit and binary as is).
    public static func decode(_ body: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch encoding?.lowercased().trimmingCharacters(in: .whitespaces) {
        case "base64"?: base64(body)
        case "quoted-printable"?: quotedPrintable(body)
        case "x-uuencode"?, "uuencode"?, "x-uue"?: uudecode(body)?.data ?? Array(body)
        default: Array(body)
        }
    }

    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { table[Int(c)] = UInt8(i) }
        // The URL-safe alphabet, which some senders use.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Base64, skipping whitespace and stray characters; stops at the first padding.
    public static func base64(_ input: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in input {
            if byte == UInt8(ascii: "=") {
                // Padding ends a group; a later group (concatenated base64) starts afresh.
                buffer = 0
                bits = 0
                continue
            }
            let value = base64Values[Int(byte)]
            if value == 0xFF { continue }
            buffer = (buffer << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }

    /// Quoted-printable (RFC 2045): `=XX` escapes, `=` at a line end joins lines, a broken
    /// escape stays as written.
    public static func quotedPrintable(_ input: some Collection<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        let bytes = Array(input)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "=") {
                // Soft line break: "=" then optional trailing blanks then CRLF or LF.
                var j = i + 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                if j < bytes.count, bytes[j] == 0x0D, j + 1 < bytes.count, bytes[j + 1] == 0x0A {
                    i = j + 2
                    continue
                }
                if j < bytes.count, bytes[j] == 0x0A {
                    i = j + 1
                    continue
                }
                if j >= bytes.count {
                    i = j
                    continue
                }
                if i + 2 < bytes.count, let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) {
                    out.append(hi << 4 | lo)
                    i += 3
                    continue
                }
                out.append(b)
                i += 1
            } else if underscoreIsSpace, b == UInt8(ascii: "_") {
                out.append(0x20)
                i += 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// Decodes a uuencoded block (`begin MODE NAME` … `end`); returns the name and the data.
    public static func uudecode(_ input: some Collection<UInt8>) -> (name: String, data: [UInt8])? {
        let lines = Array(input).split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        guard let beginIndex = lines.firstIndex(where: { $0.starts(with: Array("begin ".utf8)) }) else { return nil }
        let header = String(decoding: lines[beginIndex], as: UTF8.self).split(separator: " ", maxSplits: 2)
        let name = header.count == 3 ? String(header[2]) : ""
        var out: [UInt8] = []
        for line in lines[(beginIndex + 1)...] {
            if line.elementsEqual("end".utf8) { break }
            guard let first = line.first else { continue }
            let count = Int((first &- 0x20) & 0x3F)
            if count == 0 { continue }
            var group: [UInt8] = []
            var produced = 0
            for c in line.dropFirst() {
                group.append((c &- 0x20) & 0x3F)
                if group.count == 4 {
                    let bytes = [group[0] << 2 | group[1] >> 4, group[1] << 4 | group[2] >> 2, group[2] << 6 | group[3]]
                    for b in bytes where produced < count {
                        out.append(b)
                        produced += 1
                    }
                    group.removeAll(keepingCapacity: true)
                }
            }
        }
        return (name, out)
    }
}
