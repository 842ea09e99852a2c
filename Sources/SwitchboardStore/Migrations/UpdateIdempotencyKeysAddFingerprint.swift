import FluentKit
import SQLKit

/// A key stored with the SHA-256 of the request it answered, so that the key sent again with
/// another request is refused instead of answered with the first one's response. Keys stored
/// before have none and replay as before.
struct UpdateIdempotencyKeysAddFingerprint: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE idempotency_keys ADD COLUMN fingerprint TEXT"])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE idempotency_keys DROP COLUMN fingerprint"])
    }
}
