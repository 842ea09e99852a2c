import Crypto
import Foundation
import SwitchboardStore

/// Attachment bytes on disk, stored once per content under their SHA-256
/// (`<data>/files/ab/abcdef…`). Writing goes through a temporary file and a rename, so a
/// crash never leaves half a file under a real name.
struct FileStore: Sendable {
    let root: String

    init(dataDirectory: String) {
        root = dataDirectory + "/files"
    }

    /// Stores `bytes` and returns what to record about them.
    func put(_ bytes: Data, filename: String, contentType: String) throws -> StoredFile {
        let hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let path = self.path(hash)
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let temporary = path + ".tmp-" + UUID().uuidString
            try bytes.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                try? fm.removeItem(atPath: temporary)
                if !fm.fileExists(atPath: path) { throw CocoaError(.fileWriteUnknown) }
            }
        }
        return StoredFile(filename: filename, contentType: contentType, size: Int64(bytes.count), sha256: hash)
    }

    func get(_ sha256: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(sha256)))
    }

    private func path(_ hash: String) -> String {
        "\(root)/\(hash.prefix(2))/\(hash)"
    }
}
