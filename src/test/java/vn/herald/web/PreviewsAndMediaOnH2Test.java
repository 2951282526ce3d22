package vn.herald.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class PreviewsAndMediaOnH2Test extends PreviewsAndMediaContract {}
