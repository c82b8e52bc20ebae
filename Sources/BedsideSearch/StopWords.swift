/// Words that carry no meaning in a patient's question ("what is", "why do I",
/// "can I"). They are dropped from a query unless the query is nothing else,
/// so phrasing never empties the results.
enum StopWords {
    static func list(for language: String) -> Set<String> {
        switch language {
        case "english": english
        case "spanish": spanish
        default: []
        }
    }

    /// Spanish, as the tokenizer leaves it (lower case, accents and ñ folded:
    /// "qué" is "que"). Question and filler words only: "no" stays out because
    /// "no puedo orinar" is a symptom, and so do "dolor" or "mucho" (meaning).
    static let spanish: Set<String> = [
        "a", "al", "algo", "algun", "alguna", "alguno", "ante", "aqui", "asi", "cada", "como", "con", "cual", "cuales",
        "cuando", "de", "debo", "deberia", "del", "donde", "e", "el", "ella", "ellas", "ellos", "en", "entre", "era",
        "es", "esa", "ese", "eso", "esta", "estan", "estas", "este", "esto", "fue", "ha", "han", "hay", "he",
        "la", "las", "le", "les", "lo", "los", "me", "mi", "mis", "muy", "nos", "o", "para", "pero", "por", "porque",
        "pues", "que", "quien", "se", "ser", "si", "sobre", "soy", "su", "sus", "te",
        "tu", "tus", "u", "un", "una", "unas", "uno", "unos", "usted", "y", "ya", "yo",
        "significa", "quiere", "decir", "favor", "hola",
    ]

    static let english: Set<String> = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "being",
        "but", "by", "can", "could", "did", "do", "does", "doing", "done", "for", "from", "get", "gets", "getting",
        "got", "had", "has", "have", "having", "he", "her", "his", "how", "i", "id", "if", "ill", "im", "in",
        "into", "is", "it", "its", "ive", "just", "like", "lot", "lots", "me", "mean", "means", "might", "more",
        "much", "must", "my", "myself", "no", "not", "of", "off", "on", "or", "our", "please", "really", "she",
        "should", "so", "some", "still", "tell", "than", "that", "thats", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "whats",
        "when", "where", "which", "while", "who", "why", "will", "with", "would", "you", "your", "youre",
        // Fillers that stand for whatever comes next ("something to make my bones stronger").
        "anything", "else", "everything", "someone", "something", "somewhere", "stuff", "thing", "things", "usually",
    ]
}
