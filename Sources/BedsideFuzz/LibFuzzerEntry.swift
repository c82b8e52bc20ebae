// Compiled only in the sanitizer build (`make fuzz` passes -DBEDSIDE_FUZZ):
// libFuzzer supplies `main` and calls this for every input.
#if BEDSIDE_FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzOneInput.run(UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count))
    return 0
}
#endif
