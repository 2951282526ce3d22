package vn.herald.portal;

import io.micronaut.http.HttpStatus;

/** A request the public portal cannot answer, told to the resident in Vietnamese on an HTML page. */
class PortalProblem extends RuntimeException {

    private final HttpStatus status;
    private final String heading;

    PortalProblem(HttpStatus status, String heading, String message) {
        super(message, null, false, false);
        this.status = status;
        this.heading = heading;
    }

    static PortalProblem notFound(String message) {
        return new PortalProblem(HttpStatus.NOT_FOUND, "Không tìm thấy trang", message);
    }

    static PortalProblem badRequest(String message) {
        return new PortalProblem(HttpStatus.BAD_REQUEST, "Yêu cầu không hợp lệ", message);
    }

    HttpStatus status() {
        return status;
    }

    String heading() {
        return heading;
    }
}
