package vn.herald.channel.zalo;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class ZaloTokensOnH2Test extends ZaloTokensContract {}
