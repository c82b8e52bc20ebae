import Foundation
import XCTest

/// Runs `body` on a thread with a 512 KB stack, the size a background loader
/// thread may get, and waits for it. Deep recursion that a test thread's 8 MB
/// stack survives crashes here, as it would in the browser.
func onSmallStack(seconds: Double = 60, _ body: @escaping @Sendable () -> Void,
                  file: StaticString = #filePath, line: UInt = #line) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    XCTAssertEqual(done.wait(timeout: .now() + seconds), .success, "did not finish in \(seconds) s", file: file, line: line)
}
