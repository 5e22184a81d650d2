from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "articles/home.html"


class ArticleListView(TemplateView):
    template_name = "articles/article_list.html"
