package vn.herald.channel.tiktok;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class TikTokDispatchOnH2Test extends TikTokDispatchContract {}
