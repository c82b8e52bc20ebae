/// Checks that a kiosk exit-PIN hash can ever match and is cheap enough to
/// check. A hash that can never match locks staff in; one with absurd crypt
/// rounds froze the screen for 40 s per try (issue 16).
public enum PINHashForm {
    /// SHA-crypt rounds above this take long enough to stall the screen.
    public static let maxRounds = 1_000_000
    /// bcrypt's cost is a power of two: 14 is already ~1 s.
    public static let maxBcryptCost = 14

    static let cryptAlphabet = Set("./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// nil when `hash` is a well-formed crypt(3) hash bedside can check; else what is wrong.
    public static func problem(_ hash: String) -> String? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4, parts[0].isEmpty else {
            return "must be in crypt(3) form such as $6$salt$hash"
        }
        let scheme = parts[1]
        switch scheme {
        case "5", "6":
            var rest = Array(parts[2...])
            if let first = rest.first, first.hasPrefix("rounds=") {
                guard let rounds = Int(first.dropFirst("rounds=".count)), rounds >= 1000 else {
                    return "has a bad 'rounds=' value: give a number from 1000 to \(maxRounds)"
                }
                if rounds > maxRounds { return "asks for \(rounds) rounds: at most \(maxRounds), or every PIN try stalls the screen" }
                rest.removeFirst()
            }
            let length = scheme == "5" ? 43 : 86
            guard rest.count == 2, !rest[0].isEmpty, rest[0].count <= 16, rest[1].count == length,
                  rest[1].allSatisfy(cryptAlphabet.contains) else {
                return "is not a complete $\(scheme)$ hash (salt, then \(length) characters of hash): it could never match"
            }
            return nil
        case "2a", "2b", "2y":
            guard parts.count == 4, let cost = Int(parts[2]), (4...31).contains(cost) else {
                return "is not a complete bcrypt hash ($2b$NN$...): it could never match"
            }
            if cost > maxBcryptCost { return "has bcrypt cost \(cost): at most \(maxBcryptCost), or every PIN try stalls the screen" }
            guard parts[3].count == 53, parts[3].allSatisfy(cryptAlphabet.contains) else {
                return "is not a complete bcrypt hash (53 characters after the cost): it could never match"
            }
            return nil
        case "y":
            guard parts.count == 5, !parts[2].isEmpty, !parts[3].isEmpty, parts[4].count == 43,
                  parts[4].allSatisfy(cryptAlphabet.contains) else {
                return "is not a complete yescrypt hash ($y$params$salt$hash): it could never match"
            }
            return nil
        default:
            return "uses the unknown scheme '$\(scheme)$': use $6$ (openssl passwd -6), $5$, $y$ or $2b$"
        }
    }
}
