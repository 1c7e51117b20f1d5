package dev.tidings.events;

import dev.tidings.app.Article;

import org.springframework.data.jpa.repository.JpaRepository;

/** A host's own repository, as a Spring team would write it. */
interface ArticleRepository extends JpaRepository<Article, Integer> {

}
