package vn.herald.channel;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChannelRepository extends CrudRepository<Channel, String> {
    List<Channel> findAllOrderById();

    List<Channel> findByUnitCodeOrderById(String unitCode);

    List<Channel> findByIdInList(Collection<String> ids);
}
