/// Words that carry no meaning in a patient's question ("what is", "why do I",
/// "can I"). They are dropped from a query unless the query is nothing else,
/// so phrasing never empties the results.
enum StopWords {
    static func list(for language: String) -> Set<String> {
        language == "english" ? english : []
    }

    static let english: Set<String> = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "being",
        "but", "by", "can", "could", "did", "do", "does", "doing", "done", "for", "from", "get", "gets", "getting",
        "got", "had", "has", "have", "having", "he", "her", "his", "how", "i", "id", "if", "ill", "im", "in",
        "into", "is", "it", "its", "ive", "just", "like", "lot", "lots", "me", "mean", "means", "might", "more",
        "much", "must", "my", "myself", "no", "not", "of", "off", "on", "or", "our", "please", "really", "she",
        "should", "so", "some", "still", "tell", "than", "that", "thats", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "whats",
        "when", "where", "which", "while", "who", "why", "will", "with", "would", "you", "your", "youre",
    ]
}
