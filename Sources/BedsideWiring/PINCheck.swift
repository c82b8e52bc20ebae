import CCrypt
import Foundation

/// Checks a kiosk staff PIN against a crypt(3) hash such as one made by
/// `openssl passwd -6`. crypt() keeps static state, so calls are serialised.
public enum PINCheck {
    private static let lock = NSLock()

    public static func matches(pin: String, hash: String?) -> Bool {
        guard let hash, hash.hasPrefix("$"), !pin.isEmpty else { return false }
        lock.lock()
        defer { lock.unlock() }
        guard let result = crypt(pin, hash) else { return false }
        let computed = String(cString: result)
        // crypt returns "*0"/"*1" (or NULL) on a bad setting: never equal to a real hash.
        return !computed.hasPrefix("*") && constantTimeEqual(computed, hash)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
