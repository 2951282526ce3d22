package vn.herald.content;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class ReviewOnH2Test extends ReviewContract {}
