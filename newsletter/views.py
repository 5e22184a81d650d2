from django.views.generic import TemplateView


class SignupView(TemplateView):
    template_name = "newsletter/signup.html"
